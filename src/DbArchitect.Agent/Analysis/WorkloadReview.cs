using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
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
        var fromStatistics = await new PgStatStatements(dataSource).ReadTopAsync(TopStatements, cancellationToken).ConfigureAwait(false);
        var statements = fromFile.Concat(fromStatistics ?? []).DistinctBy(s => SqlText.Normalize(s.Text), StringComparer.Ordinal).ToList();

        var findings = new List<Finding>(NPlusOneDetector.Detect(statements));
        var runner = new ExplainRunner(dataSource);
        var planned = 0;
        var skipped = 0;
        foreach (var statement in statements)
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

        var advice = await new IndexAdvisor(dataSource).AdviseAsync(statements, snapshot, new AdvisorOptions(), cancellationToken).ConfigureAwait(false);
        foreach (var note in advice.Notes)
        {
            progress.Report($"index advisor: {note}");
        }

        return new WorkloadReviewResult(Supersede(findings, advice).Concat(AdvisorFindings.From(advice)).ToList(), planned, skipped, fromStatistics is not null);
    }

    /// <summary>
    /// A plan insight's index is a guess from one plan; where the advisor costed candidates for the
    /// same table across the whole workload, its measured answer stands and the insight keeps only
    /// its evidence.
    /// </summary>
    private static IEnumerable<Finding> Supersede(IEnumerable<Finding> findings, AdvisorResult advice)
    {
        var measured = advice.Candidates.Where(c => c.Hypothetical).Select(c => c.QualifiedTable).ToHashSet(StringComparer.Ordinal);
        return findings.Select(f => AdvisorFindings.SupersededInsights.Contains(f.RuleId) && f.Remedy is not null && f.Tables.Any(measured.Contains)
            ? f with { Remedy = null, Evidence = [.. f.Evidence, new Evidence("index", "costed by the index advisor over the whole workload: see its index-advisor items")] }
            : f);
    }
}

/// <summary>What the workload stage found, and how much of the workload it could plan.</summary>
internal sealed record WorkloadReviewResult(IReadOnlyList<Finding> Findings, int Planned, int Skipped, bool PgStatStatementsRead);
