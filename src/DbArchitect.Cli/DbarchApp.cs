using System.CommandLine;
using DbArchitect.Core.Failures;

namespace DbArchitect.Cli;

/// <summary>
/// The <c>dbarch</c> command tree. Parse errors become one line on stderr and exit code 2 (SPEC §4)
/// rather than System.CommandLine's default of 1, which the SPEC reserves for findings.
/// </summary>
public static class DbarchApp
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, TextReader.Null, output, error, cancellationToken);

    /// <param name="args">The command line.</param>
    /// <param name="input">What <c>dbarch chat</c> reads: the console, or piped text.</param>
    /// <param name="output">Results.</param>
    /// <param name="error">Progress and failures.</param>
    /// <param name="cancellationToken">Ends the run.</param>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var verbose = new Option<bool>("--verbose") { Description = "On an unexpected failure, also print where it happened (the stack trace).", Recursive = true };
        var root = new RootCommand($"dbarch: a database architect for PostgreSQL-backed projects. Writes TODO_database-architect.md. {ExitCodes.Table}") { verbose };
        root.Subcommands.Add(AnalyzeCommand.Create(output, error));
        root.Subcommands.Add(ExplainCommand.Create(output, error));
        root.Subcommands.Add(AdviseCommand.Create(output, error));
        root.Subcommands.Add(Chat.ChatCommand.Create(input, output, error));
        root.Subcommands.Add(McpCommand.Create(error));
        root.Subcommands.Add(MigrationsCommand.Create(output, error));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var message = OneLine.Of(parseResult.Errors[0].Message);
            await error.WriteLineAsync($"dbarch: {message} (see 'dbarch --help')").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            Interrupts.Raise();
        };
        using var whole = Interrupts.Route(cancellation.Cancel);
        Console.CancelKeyPress += onCancel;
        try
        {
            // System.CommandLine would otherwise end the process two seconds after Ctrl+C, before a
            // run that is stopping its scratch servers has finished: the servers were left running.
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return await UnexpectedFailure.ReportAsync(e, error, parseResult.GetValue(verbose)).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
