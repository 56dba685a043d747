using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>A rule over one statement's plan: evidence comes from the plan's own numbers.</summary>
public interface IPlanInsight
{
    /// <summary>Stable kebab-case identifier, part of every finding's key.</summary>
    string Id { get; }

    IEnumerable<Finding> Evaluate(PlanInsightContext context);
}
