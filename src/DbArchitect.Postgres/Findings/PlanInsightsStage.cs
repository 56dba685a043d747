using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain.Insights;

namespace DbArchitect.Postgres.Findings;

/// <summary>What each workload statement's plan shows (sequential scans behind selective filters, spills, misestimates…).</summary>
public sealed class PlanInsightsStage : IFindingStage<AnalysisInput>
{
    public string Name => "plan insights";

    public Task<IReadOnlyList<Finding>> RunAsync(AnalysisInput input, IReadOnlyList<Finding> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var insights = input.Workload.Where(p => p.Plan is not null)
            .SelectMany(p => PlanInsights.Evaluate(Context(input, p)));
        return Task.FromResult<IReadOnlyList<Finding>>([.. found, .. insights]);
    }

    internal static PlanInsightContext Context(AnalysisInput input, Workload.WorkloadPlan plan) =>
        new() { Result = plan.Plan!, Catalog = input.Facts.Snapshot, LargeTableRows = input.Facts.Options.LargeTableRows };
}
