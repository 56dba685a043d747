namespace DbArchitect.Cli.Tests;

/// <summary>Runs <c>dbarch</c> in process with captured streams, as a user would call it.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeWithInputAsync("", args);

    /// <summary>Runs with <paramref name="input"/> piped to standard input, as a script would drive <c>dbarch chat</c>.</summary>
    public static async Task<CliRun> InvokeWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await DbarchApp.RunAsync(args, new StringReader(input), output, error, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs with standard output and error written to one stream, as a terminal shows them, so a
    /// test can see in which order progress and results appeared. <see cref="Output"/> and
    /// <see cref="Error"/> both hold the whole transcript.
    /// </summary>
    public static async Task<CliRun> InvokeInterleavedAsync(string input, params string[] args)
    {
        var transcript = new StringWriter();
        var exitCode = await DbarchApp.RunAsync(args, new StringReader(input), transcript, transcript, CancellationToken.None);
        return new CliRun(exitCode, transcript.ToString(), transcript.ToString());
    }

    /// <summary>The last line on stderr: the one-line reason of a failed run.</summary>
    public string LastErrorLine => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
