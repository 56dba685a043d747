using System.CommandLine;
using DbArchitect.Agent.Configuration;
using DbArchitect.Agent.Explaining;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Failures;

namespace DbArchitect.Cli;

/// <summary><c>dbarch explain</c>: one statement's plan on a target, with the insights it triggers.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var connection = new Option<string?>("--connection", "-c") { Description = "Target connection string (read-only session). Also Database:ConnectionString." };
        var analyze = new Option<bool>("--analyze") { Description = "Run the statement (read-only statements only, in a transaction that is rolled back) for actual rows, time and buffers." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var statement = new Argument<string>("statement") { Description = "The SQL statement; $1…$n placeholders are planned generically." };

        var command = new Command("explain", "Show a statement's execution plan and what is wrong with it.") { connection, analyze, format, statement };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connectionString = parse.GetValue(connection) ?? Settings.Load()["Database:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                return await Cli.Fail(error, ExitCodes.Usage, "--connection is required").ConfigureAwait(false);
            }

            connectionString = TargetDatabase.KeyValueConnectionString(connectionString);

            try
            {
                var outcome = await new ExplainPipeline().RunAsync(new ExplainRequest { ConnectionString = connectionString, Statement = parse.GetValue(statement)!, Analyze = parse.GetValue(analyze) }, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(parse.GetValue(format) == "json" ? outcome.Json : outcome.Text).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
        });
        return command;
    }
}
