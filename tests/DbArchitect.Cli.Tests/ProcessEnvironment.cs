namespace DbArchitect.Cli.Tests;

/// <summary>
/// Sets environment variables of this test process until disposed, then restores them. The CLI runs
/// in process and reads its configuration from the environment, so test classes that set variables
/// join <see cref="ProcessEnvironmentCollection"/> and never run at the same time.
/// </summary>
internal sealed class ProcessEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _previous = [];

    public ProcessEnvironment(params (string Name, string Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
