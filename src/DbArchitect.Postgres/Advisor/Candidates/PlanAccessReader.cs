using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// Turns a plan into <see cref="TableAccess"/> per scanned table. Column references in VERBOSE
/// output carry the scan's alias, which is how join, sort and group keys are traced to a table.
/// </summary>
public static class PlanAccessReader
{
    private static readonly HashSet<string> Scans = ["Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Sample Scan", "Tid Scan", "Tid Range Scan"];

    public static IReadOnlyList<TableAccess> Read(PlanNode plan)
    {
        var nodes = plan.DescendantsAndSelf().ToList();
        var scans = nodes.Where(n => n.RelationName is not null && Scans.Contains(n.NodeType)).ToList();
        var byAlias = scans.GroupBy(n => n.Alias ?? n.RelationName!).ToDictionary(g => g.Key, g => g.First());

        var joins = nodes
            .SelectMany(n => new[] { n.HashCondition, n.MergeCondition, n.JoinFilter })
            .SelectMany(PredicateParser.Parse)
            .Where(c => c.IsEquality && c.OtherColumn is not null)
            .SelectMany(c => new[] { c.Column, c.OtherColumn! })
            .ToList();
        var sorts = nodes.Where(n => n.NodeType is "Sort" or "Incremental Sort").Select(n => n.SortKey).ToList();
        var groups = nodes.Select(n => n.GroupKey).Where(k => k.Count > 0).ToList();

        return scans.Select(scan =>
        {
            var alias = scan.Alias ?? scan.RelationName!;
            bool Mine(ColumnRef column) => column.Alias is null ? byAlias.Count == 1 : column.Alias == alias;

            var predicates = new[] { scan.Filter, scan.IndexCondition, scan.RecheckCondition }
                .Concat(scan.Children.Where(c => c.NodeType == "Bitmap Index Scan").Select(c => c.IndexCondition))
                .ToList();
            var own = predicates.SelectMany(PredicateParser.Parse).ToList();
            var comparisons = own.Where(c => c.OtherColumn is null && Mine(c.Column)).ToList();
            var expressions = predicates.SelectMany(PredicateParser.ParseExpressions)
                .Where(e => e.Columns.All(Mine))
                .DistinctBy(e => (e.Key, e.Operator))
                .ToList();
            var joinColumns = joins.Concat(own.Where(c => c.OtherColumn is not null && c.IsEquality).SelectMany(c => new[] { c.Column, c.OtherColumn! }))
                .Where(Mine).Select(c => c.Column).Distinct().ToList();

            return new TableAccess
            {
                Schema = scan.Schema ?? "public",
                Table = scan.RelationName!,
                Comparisons = comparisons,
                ExpressionComparisons = expressions,
                JoinColumns = joinColumns,
                SortColumns = OwnKeys(sorts, Mine),
                GroupColumns = OwnKeys(groups, Mine).Select(k => k.Column).ToList(),
                UsedColumns = ColumnUse.Of(plan, scan, Mine),
            };
        }).ToList();
    }

    // A key list counts only when every key is a plain column of this scan: an index on one table
    // cannot order or group by another table's column.
    private static IReadOnlyList<(string Column, bool Descending)> OwnKeys(IEnumerable<IReadOnlyList<string>> keyLists, Func<ColumnRef, bool> mine)
    {
        foreach (var keys in keyLists)
        {
            var parsed = keys.Select(PredicateParser.SortKey).ToList();
            if (parsed.Count > 0 && parsed.All(k => k is { } key && mine(key.Column)))
            {
                return parsed.Select(k => (k!.Value.Column.Column, k.Value.Descending)).ToList();
            }
        }

        return [];
    }
}
