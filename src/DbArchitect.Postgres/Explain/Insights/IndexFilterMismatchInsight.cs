using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>An index scan whose rows are mostly thrown away by a filter: the index does not match the predicate.</summary>
public sealed class IndexFilterMismatchInsight : IPlanInsight
{
    public const string InsightId = "index-filter-mismatch";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.NodeType is "Index Scan" or "Index Only Scan" or "Bitmap Heap Scan" && n.RowsRemovedByFilter is > 1000))
        {
            var kept = PlanFindings.ActualTotalRows(node);
            var removed = node.RowsRemovedByFilter!.Value * (node.ActualLoops ?? 1);
            if (removed < kept * 10)
            {
                continue;
            }

            var indexColumns = PredicateColumns.Extract(node.IndexCondition ?? node.RecheckCondition);
            var filterColumns = PredicateColumns.Extract(node.Filter);
            var keys = indexColumns.Concat(filterColumns).GroupBy(c => c.Name).Select(g => g.First()).OrderByDescending(c => c.IsEquality).Select(c => c.Name).Take(4).ToList();
            if (keys.Count == 0 || node.RelationName is null)
            {
                continue;
            }

            yield return new Finding
            {
                RuleId = Id,
                Subject = PlanFindings.Subject(context, node),
                Severity = Severity.Medium,
                Area = FindingArea.Indexing,
                Title = FormattableString.Invariant($"{node.NodeType} on {node.IndexName ?? PlanFindings.Qualified(node)} discards {removed:N0} rows to keep {kept:N0}"),
                Rationale = "The index finds rows the filter then rejects; an index whose keys include the filtered columns (equality first) reads only the rows the query returns.",
                Evidence = [PlanFindings.Statement(context), new("index condition", node.IndexCondition ?? node.RecheckCondition ?? ""), new("filter", node.Filter ?? ""), new("removed by filter", FormattableString.Invariant($"{removed:N0}"))],
                Tables = PlanFindings.Tables(node),
                Remedy = IndexProposal.Create(node, IndexProposal.Columns(keys), context.Catalog),
            };
        }
    }
}
