namespace DbArchitect.Evals;

/// <summary>Pipeline progress straight to stderr, in order, so stdout holds only the report.</summary>
internal sealed class StderrProgress : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine($"evals: {value}");
}
