namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// DbUp's scripts are embedded in (or read beside) a .NET project that references DbUp: a folder of
/// .sql files is DbUp's when the nearest project file above it, within the folder searched, names DbUp.
/// </summary>
internal sealed class DbUpProjects(string root)
{
    private readonly Dictionary<string, bool> _projects = new(StringComparer.Ordinal);

    public bool Owns(string folder)
    {
        for (var directory = folder; directory is not null && directory.StartsWith(root, StringComparison.Ordinal); directory = Path.GetDirectoryName(directory))
        {
            if (_projects.TryGetValue(directory, out var known))
            {
                return known;
            }

            var projects = Directory.EnumerateFiles(directory, "*.csproj").ToList();
            if (projects.Count > 0)
            {
                var references = projects.Any(References);
                _projects[directory] = references;
                return references;
            }
        }

        return false;
    }

    private static bool References(string project)
    {
        try
        {
            return new FileInfo(project).Length < MigrationDiscovery.MaxFileBytes && File.ReadAllText(project).Contains("dbup", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
