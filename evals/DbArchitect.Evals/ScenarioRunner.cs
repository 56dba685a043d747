using System.Diagnostics;
using DbArchitect.Agent.Analysis;
using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Workload;
using Npgsql;

namespace DbArchitect.Evals;

/// <summary>
/// Loads a scenario into its own database on the shared scratch cluster, replays its workload so
/// the statistics views see it, and runs the deterministic analyze pipeline on it.
/// </summary>
internal sealed class ScenarioRunner(ScratchCluster cluster, IProgress<string> progress)
{
    /// <summary>How often each workload.sql statement is executed before analysis.</summary>
    public const int WorkloadRepetitions = 3;

    /// <summary>
    /// The scenarios hold at most 50,000 rows so that all of them run in minutes; the "large table"
    /// threshold (100,000 by default) is scaled down by the same factor of ten.
    /// </summary>
    public const long LargeTableRows = 10_000;

    public async Task<ScenarioRun> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var connectionString = await LoadAsync(scenario, cancellationToken).ConfigureAwait(false);
            var request = new AnalyzeRequest
            {
                ConnectionString = connectionString,
                OutputDirectory = null,
                WorkloadFile = scenario.WorkloadPath,
                CheckSql = true,
                Rules = new RuleOptions { LargeTableRows = LargeTableRows },
            };
            var outcome = await new AnalyzePipeline().RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
            return new ScenarioRun { Scenario = scenario, Findings = outcome.Findings, TodoValid = true, Elapsed = stopwatch.Elapsed };
        }
        catch (DbArchitectException e) when (e.Kind == FailureKind.Validation)
        {
            return new ScenarioRun { Scenario = scenario, TodoValid = false, Error = e.Message, Elapsed = stopwatch.Elapsed };
        }
        catch (Exception e) when (e is DbArchitectException or NpgsqlException or IOException or InvalidDataException)
        {
            return new ScenarioRun { Scenario = scenario, TodoValid = false, Failed = true, Error = e.Message.Split('\n')[0], Elapsed = stopwatch.Elapsed };
        }
    }

    private async Task<string> LoadAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        progress.Report($"{scenario.Name}: loading schema.sql");
        var connectionString = await cluster.CreateDatabaseAsync("eval_" + scenario.Name.Replace('-', '_'), cancellationToken).ConfigureAwait(false);

        // One session throughout: its statistics counters are flushed on request before each step that depends on them.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, scenario.SchemaSql, cancellationToken).ConfigureAwait(false);
        await FlushStatisticsAsync(connection, cancellationToken).ConfigureAwait(false);

        // The reset forgets when tables were analyzed, so ANALYZE comes after it.
        if (scenario.Expectation.ResetStatistics)
        {
            await ExecuteAsync(connection, "SELECT pg_stat_reset()", cancellationToken).ConfigureAwait(false);
        }

        if (scenario.Expectation.Analyze)
        {
            await ExecuteAsync(connection, "ANALYZE", cancellationToken).ConfigureAwait(false);
        }

        // Only the scenario's own workload should be in pg_stat_statements, not the data loading.
        await ExecuteAsync(connection, "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)", cancellationToken).ConfigureAwait(false);
        await ReplayAsync(connection, scenario.Workload, WorkloadRepetitions, cancellationToken).ConfigureAwait(false);
        await ReplayAsync(connection, scenario.Traffic, scenario.Expectation.TrafficCalls, cancellationToken).ConfigureAwait(false);
        await FlushStatisticsAsync(connection, cancellationToken).ConfigureAwait(false);
        return connectionString;
    }

    /// <summary>
    /// A session hands its counters to the shared statistics only now and then; forcing the flush
    /// (it happens when the session next goes idle) keeps the load's inserts from arriving after
    /// the reset, or after analyze has read the counters.
    /// </summary>
    private static async Task FlushStatisticsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SELECT pg_stat_force_next_flush()", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT 1", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each statement runs in a transaction that is rolled back, so a writing statement leaves the data as loaded.</summary>
    private static async Task ReplayAsync(NpgsqlConnection connection, IReadOnlyList<WorkloadStatement> statements, int times, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }

        foreach (var statement in statements)
        {
            for (var i = 0; i < times; i++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand(statement.Text, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
