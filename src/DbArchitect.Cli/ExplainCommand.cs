using System.CommandLine;
using System.Text.Json;
using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Cli;

/// <summary><c>dbarch explain</c>: one statement's plan on a target, with the insights it triggers.</summary>
internal static class ExplainCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

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

            connectionString = ConnectionUri.ToKeyValue(connectionString);

            try
            {
                await using var session = TargetSession.Open(connectionString);
                var result = await new ExplainRunner(session)
                    .ExplainAsync(parse.GetValue(statement)!, new ExplainOptions { Analyze = parse.GetValue(analyze) }, cancellationToken)
                    .ConfigureAwait(false);
                var insights = PlanInsights.Evaluate(new PlanInsightContext { Result = result });
                if (parse.GetValue(format) == "json")
                {
                    var plan = JsonDocument.Parse(result.RawJson).RootElement;
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { statement = result.Statement, analyzed = result.Analyzed, assumedPlaceholderType = result.AssumedPlaceholderType, plan, insights }, Json)).ConfigureAwait(false);
                }
                else
                {
                    await output.WriteLineAsync(PlanText.Render(result, insights)).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }
            catch (ExplainRefusedException e)
            {
                return await Cli.Fail(error, ExitCodes.Usage, e.Message).ConfigureAwait(false);
            }
            catch (Exception e) when (DatabaseErrors.Translate(e, TargetDataSource.Describe(connectionString)) is { } failure)
            {
                return await Cli.Fail(error, failure.ExitCode, failure.Message).ConfigureAwait(false);
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
        });
        return command;
    }
}
