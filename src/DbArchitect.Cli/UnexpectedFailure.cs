using DbArchitect.Core.Failures;
using DbArchitect.Agent.Targets;

namespace DbArchitect.Cli;

/// <summary>
/// The last line of defence: whatever escapes a command ends as one line on stderr and a documented
/// exit code, never System.CommandLine's stack trace and exit 1, which CI would read as findings.
/// </summary>
internal static class UnexpectedFailure
{
    public static async Task<int> ReportAsync(Exception exception, TextWriter error, bool verbose)
    {
        var (code, message) = exception switch
        {
            DbArchitectException e => (e.ExitCode, e.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled; nothing was written"),
            _ when TargetFailures.Describe(exception) is { } database => (ExitCodes.Unreachable, database),
            IOException or UnauthorizedAccessException => (ExitCodes.Unreachable, $"cannot read or write a file: {OneLine.Of(exception.Message)}"),
            _ => (ExitCodes.ValidationFailed, $"internal error, nothing was written: {exception.GetType().Name}: {OneLine.Of(exception.Message)}"),
        };
        await error.WriteLineAsync($"dbarch: {message}{(verbose ? "" : " (--verbose shows where)")}").ConfigureAwait(false);
        if (verbose)
        {
            await error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }

        return code;
    }
}
