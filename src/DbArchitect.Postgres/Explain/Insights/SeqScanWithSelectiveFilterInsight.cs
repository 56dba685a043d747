using System.Globalization;
using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>A sequential scan of a large table that keeps only a small fraction of its rows: an index would read far less.</summary>
public sealed class SeqScanWithSelectiveFilterInsight : IPlanInsight
{
    private const double SelectiveFraction = 0.05;

    public const string InsightId = "seq-scan-selective-filter";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.NodeType == "Seq Scan" && n.Filter is not null && n.RelationName is not null))
        {
            var scanned = node.ActualRows is { } actual
                ? (actual + (node.RowsRemovedByFilter ?? 0)) * (node.ActualLoops ?? 1)
                : context.TableOf(node)?.EstimatedRows ?? 0;
            var kept = node.ActualRows is not null ? PlanFindings.ActualTotalRows(node) : node.PlanRows;
            var columns = PredicateColumns.Extract(node.Filter);
            if (scanned < context.LargeTableRows || kept > scanned * SelectiveFraction || columns.Count == 0)
            {
                continue;
            }

            yield return new Finding
            {
                RuleId = Id,
                Subject = PlanFindings.Subject(context, node),
                Severity = scanned >= context.LargeTableRows * 10 ? Severity.High : Severity.Medium,
                Area = FindingArea.Indexing,
                Title = $"Sequential scan of {PlanFindings.Qualified(node)} keeps {kept.ToString("N0", CultureInfo.InvariantCulture)} of {scanned.ToString("N0", CultureInfo.InvariantCulture)} rows",
                Rationale = "The whole table is read to return a small fraction of it; an index on the filtered columns (equality columns first, then ranges) turns this into an index scan.",
                Evidence = [PlanFindings.Statement(context), new("filter", node.Filter!), new("rows scanned → kept", FormattableString.Invariant($"{scanned:N0} → {kept:N0}")), new("scan cost", FormattableString.Invariant($"{node.TotalCost:N2}"))],
                Tables = PlanFindings.Tables(node),
                Remedy = IndexProposal.Create(node, IndexProposal.Columns(columns.Select(c => c.Name).Take(3)), context.Catalog),
            };
        }
    }
}
