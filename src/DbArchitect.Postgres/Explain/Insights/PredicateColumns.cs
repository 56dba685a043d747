using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// Pulls plain column names out of the predicates EXPLAIN VERBOSE prints, e.g.
/// <c>((o.status = 'paid'::text) AND (o.created_at &gt;= $1))</c> gives status (equality) then
/// created_at (range). Heuristic by design: it only needs to name candidate index columns.
/// </summary>
internal static partial class PredicateColumns
{
    public sealed record Column(string Name, bool IsEquality);

    public static IReadOnlyList<Column> Extract(string? predicate)
    {
        if (string.IsNullOrEmpty(predicate))
        {
            return [];
        }

        var columns = new List<Column>();
        foreach (Match match in Comparison().Matches(predicate))
        {
            var name = match.Groups["name"].Value.Trim('"');
            var isEquality = match.Groups["op"].Value is "=" or "IS";
            var existing = columns.FindIndex(c => c.Name == name);
            if (existing < 0)
            {
                columns.Add(new Column(name, isEquality));
            }
            else if (isEquality && !columns[existing].IsEquality)
            {
                columns[existing] = new Column(name, true);
            }
        }

        // Equality first, then range: the order a B-tree can use both.
        return columns.OrderByDescending(c => c.IsEquality).ToList();
    }

    [GeneratedRegex("""\((?:[A-Za-z_][A-Za-z0-9_$]*\.|"[^"]+"\.)?(?<name>[a-z_][a-z0-9_$]*|"[^"]+")\s*(?<op>=|<>|<=|>=|<|>|IS)\s""")]
    private static partial Regex Comparison();
}
