namespace DbArchitect.Evals;

/// <summary>Finds the scenarios folder and loads the scenarios in it, in name order.</summary>
internal static class ScenarioCatalog
{
    public static async Task<IReadOnlyList<Scenario>> LoadAsync(EvalArguments arguments, CancellationToken cancellationToken)
    {
        var root = arguments.ScenariosDirectory ?? Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException("evals/scenarios not found above the working directory; pass --scenarios DIR");
        var scenarios = new List<Scenario>();
        foreach (var directory in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (arguments.Scenario is null || Path.GetFileName(directory) == arguments.Scenario)
            {
                scenarios.Add(await Scenario.LoadAsync(directory, cancellationToken).ConfigureAwait(false));
            }
        }

        return scenarios;
    }

    private static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "evals", "scenarios");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
