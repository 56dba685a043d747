using System.Text.Json;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Whether an index lets PostgreSQL find the rows that reference a key: the one test the foreign-key
/// rule and the partition checks share, so that they never disagree about what "indexed" means.
/// </summary>
public static class ForeignKeyIndexing
{
    /// <summary>
    /// A valid b-tree whose leading keys are the foreign key's columns in any order, and whose
    /// predicate, if any, holds for every row the key check looks for: the check only ever
    /// searches for non-null keys, so a predicate of <c>col IS NOT NULL</c> on key columns loses nothing.
    /// </summary>
    public static bool Serves(IndexInfo index, IReadOnlyList<string> columns) =>
        index.IsValid
        && index.Method is "btree"
        && index.KeyColumns.Count >= columns.Count
        && index.KeyColumns.Take(columns.Count).ToHashSet(StringComparer.Ordinal).SetEquals(columns)
        && (index.Predicate is null || ImpliedByNonNullKeys(index.Predicate, columns));

    /// <summary>
    /// True only for a conjunction of <c>column IS NOT NULL</c> on the given columns, read on the
    /// server's parser (any grouping, any quoting); anything else (OR, comparisons, functions, other
    /// columns) is refused rather than reasoned about.
    /// </summary>
    public static bool ImpliedByNonNullKeys(string predicate, IReadOnlyList<string> columns)
    {
        using var tree = PgQuery.TryParse("SELECT WHERE " + predicate);
        if (tree is null || StatementNode.Single(tree) is not { Name: "SelectStmt" } select || !select.Value.TryGetProperty("whereClause", out var where))
        {
            return false;
        }

        var terms = new Stack<JsonElement>([where]);
        while (terms.TryPop(out var term))
        {
            if (term.TryGetProperty("BoolExpr", out var conjunction) && conjunction.GetProperty("boolop").GetString() == "AND_EXPR")
            {
                foreach (var argument in conjunction.GetProperty("args").EnumerateArray())
                {
                    terms.Push(argument);
                }
            }
            else if (!(term.TryGetProperty("NullTest", out var test) && test.GetProperty("nulltesttype").GetString() == "IS_NOT_NULL"
                && test.GetProperty("arg").TryGetProperty("ColumnRef", out var column)
                && column.GetProperty("fields") is { ValueKind: JsonValueKind.Array } fields && fields.GetArrayLength() == 1
                && fields[0].TryGetProperty("String", out var name) && columns.Contains(name.GetProperty("sval").GetString() ?? "", StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
