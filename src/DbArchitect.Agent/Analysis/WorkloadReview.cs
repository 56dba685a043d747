using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Validation;
using DbArchitect.Postgres.Workload;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// The workload stage of analyze: statements from a workload file and the target's top
/// pg_stat_statements entries are planned (never executed) on the target, and what their plans
/// show becomes findings, together with N+1 patterns seen in the call counts. Statements with
/// placeholders are planned again with constants sampled from the statistics, for what their
/// generic plans hide.
/// </summary>
internal sealed class WorkloadReview(TargetSession session, IndexAdvisor advisor)
{
    public async Task<WorkloadReviewResult> ReviewAsync(CatalogSnapshot snapshot, IReadOnlyList<WorkloadStatement> fromFile, long largeTableRows, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var fromStatistics = await new PgStatStatements(session).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false);
        var statements = fromFile.Concat(fromStatistics.Statements).DistinctBy(s => StatementIdentity.Of(s.Text), StringComparer.Ordinal).ToList();

        var findings = new List<Finding>(NPlusOneDetector.Detect(statements));
        var runner = new ExplainRunner(session);
        var sampler = new SampledConstantPlanner(session);
        var plans = new List<WorkloadPlan>();
        var notPlanned = new List<string>();
        foreach (var statement in statements)
        {
            try
            {
                var result = await runner.ExplainAsync(statement.Text, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
                var context = new PlanInsightContext { Result = result, Catalog = snapshot, LargeTableRows = largeTableRows };
                findings.AddRange(PlanInsights.Evaluate(context));
                plans.Add(new WorkloadPlan(statement, result, null));
                if (ExplainRunner.PlaceholderCount(statement.Text) > 0)
                {
                    findings.AddRange(await ReviewSampledPlansAsync(sampler, context, progress, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (Exception e) when (e is ExplainRefusedException || DatabaseErrors.IsStatementRefusal(e))
            {
                var reason = e.Message.Split('\n')[0];
                var line = $"not planned: {SqlScript.Excerpt(statement.Text, 80)} ({reason})";
                plans.Add(new WorkloadPlan(statement, null, reason));
                notPlanned.Add(line);
                progress.Report("workload statement " + line);
            }
        }

        // The plans just made are the advisor's baseline: the workload is planned once per run.
        var advice = await advisor.AdviseAsync(plans, snapshot, new AdvisorOptions(), cancellationToken).ConfigureAwait(false);
        foreach (var note in advice.Notes)
        {
            progress.Report($"index advisor: {note}");
        }

        return new WorkloadReviewResult(FindingRanking.Rank(Supersede(findings, advice).Concat(AdvisorFindings.From(advice))), plans.Count(p => p.Plan is not null), notPlanned, fromStatistics, statements)
        {
            IndexCandidates = advice.Candidates.Count,
            IndexCandidatesCosted = advice.CandidatesCosted,
        };
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
/// <summary>The workload review's findings and counts; NotPlanned holds each statement that could not be planned, with the reason, said once in the Context.</summary>
internal sealed record WorkloadReviewResult(IReadOnlyList<Finding> Findings, int Planned, IReadOnlyList<string> NotPlanned, StatementStatistics FromStatistics, IReadOnlyList<WorkloadStatement> Statements)
{
    /// <summary>Index candidates the workload's plans suggested to the advisor, and how many of them it could cost.</summary>
    public int IndexCandidates { get; init; }
    public int IndexCandidatesCosted { get; init; }
}
