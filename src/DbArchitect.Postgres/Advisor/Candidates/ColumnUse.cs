using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// The columns of one scanned table that a statement really uses: what the nodes above the scan
/// take from it (their output, keys and conditions) and the scan's own predicates. A scan's own
/// output list is not that: a sequential scan under an aggregate or a hash returns the whole row
/// (the planner's physical target list), whatever the statement reads. Only the plan's root
/// returns exactly what the statement asks for.
/// </summary>
internal static class ColumnUse
{
    /// <param name="root">The statement's plan.</param>
    /// <param name="scan">The scan of the table.</param>
    /// <param name="mine">Whether a column reference belongs to this scan (by its alias).</param>
    public static IReadOnlyList<string> Of(PlanNode root, PlanNode scan, Func<ColumnRef, bool> mine)
    {
        var texts = root.DescendantsAndSelf().SelectMany(node => Expressions(node, ownOutputCounts: node != scan || node == root));
        return texts.SelectMany(PredicateParser.References).Where(mine).Select(c => c.Column).Distinct().ToList();
    }

    private static IEnumerable<string> Expressions(PlanNode node, bool ownOutputCounts)
    {
        IEnumerable<string?> conditions = [node.Filter, node.IndexCondition, node.RecheckCondition, node.HashCondition, node.MergeCondition, node.JoinFilter];
        return conditions.OfType<string>()
            .Concat(node.SortKey)
            .Concat(node.GroupKey)
            .Concat(ownOutputCounts ? node.Output : []);
    }
}
