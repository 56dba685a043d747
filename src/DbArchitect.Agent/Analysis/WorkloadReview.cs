using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Workload;
using Npgsql;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// The workload stage of analyze: statements from a workload file and the target's top
/// pg_stat_statements entries are planned (never executed) on the target, and what their plans
/// show becomes findings, together with N+1 patterns seen in the call counts.
/// </summary>
internal sealed class WorkloadReview(NpgsqlDataSource dataSource)
{
    /// <summary>How many of pg_stat_statements' most expensive statements to plan.</summary>
    public const int TopStatements = 25;

    public async Task<WorkloadReviewResult> ReviewAsync(CatalogSnapshot snapshot, IReadOnlyList<WorkloadStatement> fromFile, long largeTableRows, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var statements = new List<WorkloadStatement>(fromFile);
        var fromStatistics = await new PgStatStatements(dataSource).ReadTopAsync(TopStatements, cancellationToken).ConfigureAwait(false);
        statements.AddRange(fromStatistics ?? []);

        var findings = new List<Finding>(NPlusOneDetector.Detect(statements));
        var runner = new ExplainRunner(dataSource);
        var planned = 0;
        var skipped = 0;
        foreach (var statement in statements.DistinctBy(s => SqlText.Normalize(s.Text), StringComparer.Ordinal))
        {
            try
            {
                var result = await runner.ExplainAsync(statement.Text, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
                findings.AddRange(PlanInsights.Evaluate(new PlanInsightContext { Result = result, Catalog = snapshot, LargeTableRows = largeTableRows }));
                planned++;
            }
            catch (Exception e) when (e is ExplainRefusedException or PostgresException { IsTransient: false })
            {
                skipped++;
                progress.Report($"workload statement not planned ({e.Message.Split('\n')[0]})");
            }
        }

        return new WorkloadReviewResult(findings, planned, skipped, fromStatistics is not null);
    }
}

/// <summary>What the workload stage found, and how much of the workload it could plan.</summary>
internal sealed record WorkloadReviewResult(IReadOnlyList<Finding> Findings, int Planned, int Skipped, bool PgStatStatementsRead);
