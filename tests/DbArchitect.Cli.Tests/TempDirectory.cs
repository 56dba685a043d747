namespace DbArchitect.Cli.Tests;

/// <summary>A directory deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dbarch-test-").FullName;

    public string TodoPath => System.IO.Path.Combine(Path, "TODO_database-architect.md");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
