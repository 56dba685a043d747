using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>A nested loop driven by many outer rows whose inner side is not an index lookup.</summary>
public sealed class NestedLoopOverManyRowsInsight : IPlanInsight
{
    private const double ManyRows = 10_000;

    public const string InsightId = "nested-loop-many-outer";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.NodeType == "Nested Loop" && n.Children.Count == 2))
        {
            var outer = node.Children[0];
            var inner = node.Children[1];
            var outerRows = outer.ActualRows is not null ? PlanFindings.ActualTotalRows(outer) : outer.PlanRows;
            if (outerRows < ManyRows || inner.NodeType is "Index Scan" or "Index Only Scan" or "Memoize")
            {
                continue;
            }

            yield return new Finding
            {
                RuleId = Id,
                Subject = $"{context.StatementId}/nested-loop/{inner.RelationName ?? inner.NodeType}",
                Severity = Severity.Medium,
                Area = FindingArea.QueryOptimization,
                Title = FormattableString.Invariant($"Nested loop runs its inner {inner.NodeType} {outerRows:N0} times"),
                Rationale = "Each outer row re-runs the inner side. Fix: index the inner side's join key so each probe is an index lookup, or refresh statistics so the planner sees the row count and picks a hash join.",
                Evidence = [PlanFindings.Statement(context), new("outer rows", FormattableString.Invariant($"{outerRows:N0}")), new("inner node", inner.NodeType + (inner.RelationName is null ? "" : $" on {inner.RelationName}")), new("join filter", node.JoinFilter ?? inner.Filter ?? "")],
                Tables = PlanFindings.Tables(inner),
            };
        }
    }
}
