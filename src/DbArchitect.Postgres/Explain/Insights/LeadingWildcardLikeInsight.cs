using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// <c>LIKE '%…'</c> on a large table: a B-tree cannot help, a trigram GIN index can. The filter is
/// read on the server's parser: a column, through casts, matched by a constant pattern that starts
/// with a wildcard (<see cref="Comparison.IsLeadingWildcard"/>).
/// </summary>
public sealed class LeadingWildcardLikeInsight : IPlanInsight
{
    public const string InsightId = "leading-wildcard-like";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.NodeType == "Seq Scan" && n.Filter is not null && n.RelationName is not null))
        {
            var pattern = PredicateParser.Parse(node.Filter).FirstOrDefault(c => c.IsLeadingWildcard);
            if (pattern is null || context.TableOf(node) is { EstimatedRows: var rows } && rows < context.LargeTableRows)
            {
                continue;
            }

            var column = pattern.Column.Column;
            var remedy = IndexProposal.Create(node, [$"{Catalog.SqlIdentifier.Quote(column)} gin_trgm_ops"], context.Catalog, method: "gin",
                prelude: "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n",
                impact: "Substring searches use the trigram index; writes to the column maintain a GIN index (larger and slower to update than a B-tree).");
            yield return new Finding
            {
                RuleId = Id,
                Subject = PlanFindings.Subject(context, node),
                Severity = Severity.Medium,
                Area = FindingArea.Indexing,
                Title = $"Pattern with a leading wildcard on {PlanFindings.Qualified(node)}.{column} forces a sequential scan",
                Rationale = "A B-tree can serve only LIKE patterns anchored at the start. pg_trgm's GIN operator class indexes every three-character piece, so '%term%' searches become index scans.",
                Evidence = [PlanFindings.Statement(context), new("filter", node.Filter!), PlanFindings.Rows(node)],
                Tables = PlanFindings.Tables(node),
                Remedy = remedy,
            };
        }
    }
}
