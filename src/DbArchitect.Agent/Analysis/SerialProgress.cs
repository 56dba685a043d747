namespace DbArchitect.Agent.Analysis;

/// <summary>
/// Hands a caller's progress one line at a time: the schema copy reports while the analysis reads
/// the target, and a host's writer (a StringWriter in tests, a list) need not be thread-safe.
/// </summary>
internal sealed class SerialProgress(IProgress<string> inner) : IProgress<string>
{
    private readonly Lock _gate = new();

    public void Report(string value)
    {
        lock (_gate)
        {
            inner.Report(value);
        }
    }
}
