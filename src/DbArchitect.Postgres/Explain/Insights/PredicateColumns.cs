using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// The plain columns a predicate EXPLAIN VERBOSE prints compares, read on the server's parser
/// (<see cref="PredicateParser"/>), e.g. <c>((o.status = 'paid'::text) AND (o.created_at &gt;= $1))</c>
/// gives status (equality) then created_at (range). Only comparisons a B-tree key can serve count:
/// equality (<c>=</c>, <c>= ANY</c>, <c>IS NULL</c>), ranges and <c>&lt;&gt;</c>.
/// </summary>
internal static class PredicateColumns
{
    public sealed record Column(string Name, bool IsEquality);

    public static IReadOnlyList<Column> Extract(string? predicate)
    {
        var columns = new List<Column>();
        foreach (var comparison in PredicateParser.Parse(predicate).Where(c => c.IsEquality || c.IsRange || c.Operator == "<>"))
        {
            var name = comparison.Column.Column;
            var existing = columns.FindIndex(c => c.Name == name);
            if (existing < 0)
            {
                columns.Add(new Column(name, comparison.IsEquality));
            }
            else if (comparison.IsEquality && !columns[existing].IsEquality)
            {
                columns[existing] = new Column(name, true);
            }
        }

        // Equality first, then range: the order a B-tree can use both.
        return columns.OrderByDescending(c => c.IsEquality).ToList();
    }
}
