using System.Text.RegularExpressions;
using DbArchitect.Postgres.Explain;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// The columns of one scanned table that a statement really uses: what the nodes above the scan
/// take from it (their output, keys and conditions) and the scan's own predicates. A scan's own
/// output list is not that: a sequential scan under an aggregate or a hash returns the whole row
/// (the planner's physical target list), whatever the statement reads. Only the plan's root
/// returns exactly what the statement asks for.
/// </summary>
internal static partial class ColumnUse
{
    /// <param name="root">The statement's plan.</param>
    /// <param name="scan">The scan of the table.</param>
    /// <param name="mine">Whether a column reference belongs to this scan (by its alias).</param>
    public static IReadOnlyList<string> Of(PlanNode root, PlanNode scan, Func<ColumnRef, bool> mine)
    {
        var texts = root.DescendantsAndSelf().SelectMany(node => Expressions(node, ownOutputCounts: node != scan || node == root));
        return texts.SelectMany(References).Where(mine).Select(c => c.Column).Distinct().ToList();
    }

    private static IEnumerable<string> Expressions(PlanNode node, bool ownOutputCounts)
    {
        IEnumerable<string?> conditions = [node.Filter, node.IndexCondition, node.RecheckCondition, node.HashCondition, node.MergeCondition, node.JoinFilter];
        return conditions.OfType<string>()
            .Concat(node.SortKey)
            .Concat(node.GroupKey)
            .Concat(ownOutputCounts ? node.Output : []);
    }

    /// <summary>Every column reference in an expression as EXPLAIN VERBOSE prints it; string literals, casts and function names are not columns.</summary>
    public static IEnumerable<ColumnRef> References(string expression)
    {
        var text = Cast().Replace(Literal().Replace(expression, "''"), "");
        foreach (Match match in Reference().Matches(text))
        {
            var alias = match.Groups["alias"].Success ? Unquote(match.Groups["alias"].Value) : null;
            yield return new ColumnRef(alias, Unquote(match.Groups["column"].Value));
        }
    }

    private static string Unquote(string name) => name.StartsWith('"') ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    /// <summary>A string literal as PostgreSQL prints it, quotes doubled inside.</summary>
    [GeneratedRegex("'(?:[^']|'')*'")]
    internal static partial Regex Literal();

    // Types print in lower case after "::", operators and keywords stop them.
    [GeneratedRegex("""::(?:"[^"]+"|[a-z_][a-z0-9_]*(?: [a-z]+)*)(?:\[\])?""")]
    private static partial Regex Cast();

    // An identifier not preceded by another name part and not followed by "(" (a function call).
    [GeneratedRegex("""(?<![A-Za-z0-9_$".])(?:(?<alias>[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")\.)?(?<column>[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")(?![A-Za-z0-9_$"(.])""")]
    private static partial Regex Reference();
}
