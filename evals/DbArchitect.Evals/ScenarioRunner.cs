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
    public static RuleOptions Rules { get; } = new() { LargeTableRows = 10_000 };

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
                Rules = Rules,
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
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await ExecuteAsync(dataSource, scenario.SchemaSql, cancellationToken).ConfigureAwait(false);
        if (scenario.Expectation.Analyze)
        {
            await ExecuteAsync(dataSource, "ANALYZE", cancellationToken).ConfigureAwait(false);
        }

        // Only the scenario's own workload should be in pg_stat_statements, not the data loading.
        await ExecuteAsync(dataSource, "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)", cancellationToken).ConfigureAwait(false);
        await ReplayAsync(dataSource, scenario.Workload, WorkloadRepetitions, cancellationToken).ConfigureAwait(false);
        await ReplayAsync(dataSource, scenario.Traffic, scenario.Expectation.TrafficCalls, cancellationToken).ConfigureAwait(false);
        return connectionString;
    }

    /// <summary>Each statement runs in a transaction that is rolled back, so a writing statement leaves the data as loaded.</summary>
    private static async Task ReplayAsync(NpgsqlDataSource dataSource, IReadOnlyList<WorkloadStatement> statements, int times, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
