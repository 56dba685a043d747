namespace DbArchitect.Cli;

/// <summary>
/// Progress lines go straight to stderr in order; <see cref="Progress{T}"/> would post them to the
/// thread pool and could interleave with the final output.
/// </summary>
internal sealed class ImmediateProgress(TextWriter error) : IProgress<string>
{
    public void Report(string value) => error.WriteLine($"dbarch: {value}");
}
