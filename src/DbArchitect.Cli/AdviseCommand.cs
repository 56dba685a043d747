using System.CommandLine;
using DbArchitect.Agent.Advising;
using DbArchitect.Agent.Configuration;
using DbArchitect.Core.Failures;

namespace DbArchitect.Cli;

/// <summary><c>dbarch advise</c>: the what-if index advisor over a workload, with cost before → after per statement.</summary>
internal static class AdviseCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var connection = new Option<string?>("--connection", "-c") { Description = "Target connection string (read-only session; hypopg must be installed there to cost indexes). Also Database:ConnectionString." };
        var demo = new Option<bool>("--demo") { Description = "Start a scratch PostgreSQL with the shipped shop database and advise on its recorded workload." };
        var workload = new Option<FileInfo?>("--workload") { Description = "A .sql file of statements separated by ';'." };
        var fromStats = new Option<bool>("--from-stats") { Description = "Take the target's most expensive pg_stat_statements entries as the workload." };
        var format = new Option<string>("--format") { Description = "md or json.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var maxIndexes = new Option<int?>("--max-indexes") { Description = "Recommend at most this many new indexes." };
        var storageBudget = new Option<string?>("--storage-budget") { Description = "New indexes may take at most this much space together, e.g. 500MB." };

        var command = new Command("advise", "Recommend indexes for a workload, each costed with hypothetical indexes on the target.")
        {
            connection, demo, workload, fromStats, format, maxIndexes, storageBudget,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TargetChoice.Read(parse, connection, demo, Settings.Load()) is not { } target)
            {
                return await Cli.Fail(error, ExitCodes.Usage, TargetChoice.Conflict).ConfigureAwait(false);
            }

            if (parse.GetValue(workload) is { Exists: false } missing)
            {
                return await Cli.Fail(error, ExitCodes.Unreachable, $"workload file not found: {missing.FullName}").ConfigureAwait(false);
            }

            if (parse.GetValue(maxIndexes) is < 0)
            {
                return await Cli.Fail(error, ExitCodes.Usage, "--max-indexes must be 0 or more").ConfigureAwait(false);
            }

            long? budget = null;
            if (parse.GetValue(storageBudget) is { } budgetText)
            {
                if (!ByteSize.TryParse(budgetText, out var bytes))
                {
                    return await Cli.Fail(error, ExitCodes.Usage, $"--storage-budget: not a size: '{budgetText}' (e.g. 500MB)").ConfigureAwait(false);
                }

                budget = bytes;
            }

            var request = new AdviseRequest
            {
                ConnectionString = target.ConnectionString,
                Demo = target.Demo,
                WorkloadFile = parse.GetValue(workload)?.FullName,
                FromStatistics = parse.GetValue(fromStats),
                MaxIndexes = parse.GetValue(maxIndexes),
                StorageBudgetBytes = budget,
            };
            try
            {
                var outcome = await new AdvisePipeline().RunAsync(request, new ImmediateProgress(error), cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(parse.GetValue(format) == "json" ? outcome.Json : outcome.Text).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return await Cli.Fail(error, ExitCodes.Cancelled, "cancelled").ConfigureAwait(false);
            }
        });
        return command;
    }
}
