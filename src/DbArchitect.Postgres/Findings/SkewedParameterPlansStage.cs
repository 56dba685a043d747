using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Explain.Insights;

namespace DbArchitect.Postgres.Findings;

/// <summary>
/// Statements with placeholders planned again with constants sampled from the statistics, for what
/// their generic plans hide: a skewed parameter's plan, and the insights of each sampled plan.
/// Findings of a sampled plan share their keys with the generic plan's (same statement), and say
/// which constants they were planned with.
/// </summary>
public sealed class SkewedParameterPlansStage : IFindingStage<AnalysisInput>
{
    public string Name => "plans with sampled constants";

    public async Task<IReadOnlyList<Finding>> RunAsync(AnalysisInput input, IReadOnlyList<Finding> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sampler = new SampledConstantPlanner(input.Session);
        var findings = new List<Finding>(found);
        foreach (var plan in input.Workload.Where(p => p.Plan is not null && ExplainRunner.PlaceholderCount(p.Statement.Text) > 0))
        {
            findings.AddRange(await ReviewAsync(sampler, PlanInsightsStage.Context(input, plan), input.Progress, cancellationToken).ConfigureAwait(false));
        }

        return findings;
    }

    private static async Task<IReadOnlyList<Finding>> ReviewAsync(SampledConstantPlanner sampler, PlanInsightContext generic, IProgress<string> progress, CancellationToken cancellationToken)
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
