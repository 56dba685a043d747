using System.Text.Json;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// Placeholders that count rows rather than stand for a column's value: <c>LIMIT $n</c>,
/// <c>OFFSET $n</c>, <c>FETCH FIRST $n ROWS</c>, in any query of the statement, as the server's
/// parser reads them. pg_stat_statements normalises these too, and no statistics describe them,
/// so they get the values of a first page: a page size and no offset.
/// </summary>
public static class RowCountPlaceholders
{
    private const string PageSize = "20";

    /// <returns>The row-count placeholders; none for text the parser refuses (it cannot be planned either).</returns>
    public static IReadOnlyDictionary<int, SampledValue> Find(string statement)
    {
        var found = new Dictionary<int, SampledValue>();
        using var tree = PgQuery.TryParse(statement);
        foreach (var select in tree is null ? [] : ParseTreeNodes.OfType(tree.RootElement, "SelectStmt"))
        {
            if (Placeholder(select, "limitCount") is { } count)
            {
                found.TryAdd(count, new SampledValue(count, PageSize, $"a page of {PageSize} rows", null));
            }

            if (Placeholder(select, "limitOffset") is { } offset)
            {
                found.TryAdd(offset, new SampledValue(offset, "0", "OFFSET of the first page", null));
            }
        }

        return found;
    }

    private static int? Placeholder(JsonElement select, string clause) =>
        select.TryGetProperty(clause, out var value) && value.TryGetProperty("ParamRef", out var parameter) && parameter.TryGetProperty("number", out var number)
            ? number.GetInt32()
            : null;
}
