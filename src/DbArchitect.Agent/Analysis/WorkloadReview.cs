using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Workload;
using Npgsql;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// The workload stage of analyze: statements from a workload file and the target's top
/// pg_stat_statements entries are planned (never executed) on the target, and what their plans
/// show becomes findings, together with N+1 patterns seen in the call counts. Statements with
/// placeholders are planned again with constants sampled from the statistics, for what their
/// generic plans hide.
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
        var sampler = new SampledConstantPlanner(dataSource);
        var planned = 0;
        var skipped = 0;
        foreach (var statement in statements.DistinctBy(s => SqlText.Normalize(s.Text), StringComparer.Ordinal))
        {
            try
            {
                var result = await runner.ExplainAsync(statement.Text, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
                var context = new PlanInsightContext { Result = result, Catalog = snapshot, LargeTableRows = largeTableRows };
                findings.AddRange(PlanInsights.Evaluate(context));
                planned++;
                if (ExplainRunner.PlaceholderCount(statement.Text) > 0)
                {
                    findings.AddRange(await ReviewSampledPlansAsync(sampler, context, progress, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (Exception e) when (e is ExplainRefusedException or PostgresException { IsTransient: false })
            {
                skipped++;
                progress.Report($"workload statement not planned ({e.Message.Split('\n')[0]})");
            }
        }

        return new WorkloadReviewResult(FindingRanking.Rank(findings), planned, skipped, fromStatistics is not null);
    }

    // Findings of a sampled plan share their keys with the generic plan's (same statement), and
    // say which constants they were planned with.
    private static async Task<IReadOnlyList<Finding>> ReviewSampledPlansAsync(SampledConstantPlanner sampler, PlanInsightContext generic, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var sampled = await sampler.PlanWithSampledConstantsAsync(generic.Result.Statement, generic.Result, cancellationToken).ConfigureAwait(false);
        if (sampled.NotPlannedReason is { } reason)
        {
            progress.Report($"generic plan only for {string.Join(' ', generic.ShortStatement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))} ({reason})");
            return [];
        }

        var findings = new List<Finding>(SkewedParameterPlanInsight.Evaluate(generic, sampled));
        foreach (var plan in sampled.Plans)
        {
            var plannedWith = new Evidence("planned with", plan.DescribeValues());
            findings.AddRange(PlanInsights.Evaluate(generic with { Result = plan.Result })
                .Select(finding => finding with { Evidence = [.. finding.Evidence, plannedWith] }));
        }

        return findings;
    }
}

/// <summary>What the workload stage found, and how much of the workload it could plan.</summary>
internal sealed record WorkloadReviewResult(IReadOnlyList<Finding> Findings, int Planned, int Skipped, bool PgStatStatementsRead);
