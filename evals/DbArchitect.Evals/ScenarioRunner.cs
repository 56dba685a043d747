using System.Diagnostics;
using DbArchitect.Agent.Analysis;
using DbArchitect.Agent.Model.Recording;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;
using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Workload;
using Npgsql;

namespace DbArchitect.Evals;

/// <summary>
/// Loads a scenario into its own database on the shared scratch cluster, replays its workload so
/// the statistics views see it, and runs the analyze pipeline on it: deterministic, or with the
/// model architect replaying the scenario's recorded answers under real function invocation.
/// </summary>
internal sealed class ScenarioRunner(ScratchCluster cluster, IProgress<string> progress, ModelAnswerSource answers)
{
    /// <summary>How often each workload.sql statement is executed before analysis.</summary>
    public const int WorkloadRepetitions = 3;

    /// <summary>
    /// The scenarios hold at most 50,000 rows so that all of them run in minutes; the "large table"
    /// threshold (100,000 by default) is scaled down by the same factor of ten.
    /// </summary>
    public const long LargeTableRows = 10_000;

    /// <summary>
    /// The scratch cluster's superuser loads every scenario and so owns all of it, but it stands in
    /// for no application: the security rules judge this role instead, which the cluster does not
    /// have, so they grade the schema (grants, routines, languages) and not who loaded it.
    /// </summary>
    public const string ScenarioApplicationRole = "scenario_app";

    public async Task<ScenarioRun> RunAsync(Scenario scenario, EvalMode mode, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        ScenarioModel? model = null;
        try
        {
            // Each mode gets its own freshly loaded database: an analysis leaves traces in the
            // statistics views (its own statements) that the next one would read as workload.
            var connectionString = await LoadAsync(scenario, mode, cancellationToken).ConfigureAwait(false);
            var request = new AnalyzeRequest
            {
                ConnectionString = connectionString,
                OutputDirectory = null,
                WorkloadFile = scenario.WorkloadPath,
                CheckSql = true,
                Rules = new RuleOptions { LargeTableRows = LargeTableRows, ApplicationRole = ScenarioApplicationRole },
            };
            if (mode == EvalMode.Model)
            {
                model = await answers.OpenAsync(scenario, cancellationToken).ConfigureAwait(false);
                request = request with { ChatClient = model.Client, ChatClientDescription = model.Description };
            }

            var outcome = await new AnalyzePipeline().RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
            return new ScenarioRun
            {
                Scenario = scenario,
                Mode = mode,
                Findings = outcome.Findings,
                DocumentKeys = [.. outcome.Document.Items.Where(i => !i.Done).Select(i => i.FindingKey).Distinct(StringComparer.Ordinal)],
                TodoValid = true,
                SchemaValid = TodoSchema.Evaluate(TodoJson.Serialize(outcome.Document)).Count == 0,
                Architect = outcome.Architect,
                TurnsLeft = model?.TurnsLeft ?? 0,
                Elapsed = stopwatch.Elapsed,
            };
        }
        catch (DbArchitectException e) when (e.Kind == FailureKind.Validation)
        {
            return new ScenarioRun { Scenario = scenario, Mode = mode, TodoValid = false, Error = e.Message, Elapsed = stopwatch.Elapsed };
        }
        catch (Exception e) when (e is DbArchitectException or NpgsqlException or IOException or InvalidDataException or RecordingExhaustedException)
        {
            return new ScenarioRun { Scenario = scenario, Mode = mode, TodoValid = false, Failed = true, Error = e.Message.Split('\n')[0], Elapsed = stopwatch.Elapsed };
        }
        finally
        {
            if (model is not null)
            {
                await model.SaveAsync(cancellationToken).ConfigureAwait(false);
                model.Dispose();
            }
        }
    }

    private async Task<string> LoadAsync(Scenario scenario, EvalMode mode, CancellationToken cancellationToken)
    {
        progress.Report($"{scenario.Name}: loading schema.sql ({mode.ToString().ToLowerInvariant()} mode)");
        var database = $"eval_{scenario.Name.Replace('-', '_')}{(mode == EvalMode.Model ? "_model" : "")}";
        var connectionString = await cluster.CreateDatabaseAsync(database, cancellationToken).ConfigureAwait(false);

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
