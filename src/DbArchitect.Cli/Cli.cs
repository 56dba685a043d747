namespace DbArchitect.Cli;

/// <summary>How every command reports an expected failure: one line on stderr, then its exit code.</summary>
internal static class Cli
{
    public static async Task<int> Fail(TextWriter error, int exitCode, string message)
    {
        await error.WriteLineAsync($"dbarch: {message}").ConfigureAwait(false);
        return exitCode;
    }
}
