using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>An index-only scan that still visits the heap because the visibility map is stale.</summary>
public sealed class HeapFetchesInsight : IPlanInsight
{
    public const string InsightId = "index-only-heap-fetches";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.NodeType == "Index Only Scan" && n.HeapFetches is > 1000))
        {
            var rows = PlanFindings.ActualTotalRows(node);
            if (node.HeapFetches!.Value < rows * 0.1)
            {
                continue;
            }

            var table = PlanFindings.Qualified(node);
            yield return new Finding
            {
                RuleId = Id,
                Subject = PlanFindings.Subject(context, node),
                Severity = Severity.Low,
                Area = FindingArea.PerformanceTuning,
                Title = FormattableString.Invariant($"Index-only scan on {table} fetched {node.HeapFetches:N0} heap pages for {rows:N0} rows"),
                Rationale = "Index-only scans skip the table only for pages the visibility map marks all-visible; VACUUM sets those bits. Frequent heap fetches mean vacuum is not keeping up with changes.",
                Evidence = [PlanFindings.Statement(context), new("heap fetches", FormattableString.Invariant($"{node.HeapFetches:N0}")), PlanFindings.Rows(node)],
                Tables = PlanFindings.Tables(node),
                Remedy = new Remedy
                {
                    Kind = ChangeKind.Maintenance,
                    Strategy = MigrationStrategy.Maintenance,
                    Up = $"VACUUM (ANALYZE) {table};",
                    Down = "-- nothing to undo: VACUUM only updates the visibility map and statistics",
                    Testing = "Re-run `dbarch explain --analyze`: Heap Fetches should drop near zero.",
                    PerformanceImpact = "A one-off vacuum pass; afterwards index-only scans avoid the heap.",
                },
            };
        }
    }
}
