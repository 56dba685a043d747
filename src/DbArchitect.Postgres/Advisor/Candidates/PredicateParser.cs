using System.Text.Json;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// Reads the comparisons out of the predicate text EXPLAIN VERBOSE prints, e.g.
/// <c>((a.x = 1) AND (a.y &gt;= $1))</c>, on the server's own parser: every comparison of a column
/// with something else, wherever it sits (under AND, OR or NOT), in the order written. A side that
/// is a function call or arithmetic is no column an index key could use directly and is skipped.
/// </summary>
public static partial class PredicateParser
{
    // The operators an index can serve a column with; arithmetic and concatenation are not comparisons.
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "~~*", "!~~", "~~", "<=", ">=", "<>", "@>", "<@", "&&", "?|", "?&", "@@", "=", "<", ">", "?" };

    // What the parser reads the predicate in: a WHERE clause needs no target list.
    private const string Frame = "SELECT WHERE ";

    public static IReadOnlyList<Comparison> Parse(string? predicate)
    {
        if (string.IsNullOrWhiteSpace(predicate))
        {
            return [];
        }

        // A subplan's result is a value known only when the statement runs, as a parameter's is
        // ("$$0" is a literal $0 in a replacement pattern).
        var sql = Frame + SubPlan().Replace(predicate, "$$0");
        if (Where(sql) is not { } tree)
        {
            return [];
        }

        using (tree)
        {
            var text = new Utf8Text(sql);
            var where = tree.RootElement.GetProperty("stmts")[0].GetProperty("stmt").GetProperty("SelectStmt").GetProperty("whereClause");
            var comparisons = new List<Comparison>();
            foreach (var (type, node) in ParseTreeNodes.OfTypes(where, "A_Expr", "NullTest"))
            {
                if ((type == "A_Expr" ? Compared(node, sql, text) : NullTested(node)) is { } comparison)
                {
                    comparisons.Add(comparison);
                }
            }

            return comparisons;
        }
    }

    /// <summary>A sort or group key such as <c>o.created_at DESC</c>: the column and whether it descends.</summary>
    public static (ColumnRef Column, bool Descending)? SortKey(string key)
    {
        var descending = key.EndsWith(" DESC", StringComparison.Ordinal);
        var text = descending ? key[..^5] : key;
        return Column(text.Trim()) is { } column ? (column, descending) : null;
    }

    /// <summary>The column an output or key expression is, read through a cast (<c>(o.status)::text</c>); null for anything else.</summary>
    public static ColumnRef? Column(string text)
    {
        using var tree = Where(Frame + text);
        return tree is null ? null : ColumnOf(tree.RootElement.GetProperty("stmts")[0].GetProperty("stmt").GetProperty("SelectStmt").GetProperty("whereClause"));
    }

    private static JsonDocument? Where(string sql)
    {
        try
        {
            var tree = PgQuery.Parse(sql);
            var statements = tree.RootElement.GetProperty("stmts");
            if (statements.GetArrayLength() == 1 && statements[0].GetProperty("stmt").TryGetProperty("SelectStmt", out var select) && select.TryGetProperty("whereClause", out _))
            {
                return tree;
            }

            tree.Dispose();
            return null;
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    private static Comparison? Compared(JsonElement node, string sql, Utf8Text text)
    {
        var op = node.GetProperty("kind").GetString() switch
        {
            "AEXPR_OP" or "AEXPR_LIKE" or "AEXPR_ILIKE" => Name(node),
            "AEXPR_OP_ANY" when Name(node) == "=" => "= ANY",
            _ => null,
        };
        if (op is null || (op != "= ANY" && !Operators.Contains(op)) || !node.TryGetProperty("lexpr", out var left) || !node.TryGetProperty("rexpr", out var right))
        {
            return null;
        }

        if (ColumnOf(left) is { } column)
        {
            return new Comparison(column, op, Operand(right, sql, text), ColumnOf(right));
        }

        // "(100 < o.total)": flip so the column is on the left, and the operator with it.
        return ColumnOf(right) is { } flipped && op != "= ANY" ? new Comparison(flipped, Flip(op), Operand(left, sql, text), null) : null;
    }

    /// <summary>"IS NULL" is a column an index serves; "IS NOT NULL" selects almost everything and no key serves it.</summary>
    private static Comparison? NullTested(JsonElement node) =>
        node.GetProperty("nulltesttype").GetString() == "IS_NULL" && ColumnOf(node.GetProperty("arg")) is { } column
            ? new Comparison(column, "IS", "NULL", null)
            : null;

    /// <summary>A column reference, alone or under casts (VERBOSE prints implicit casts of varchar and domains).</summary>
    private static ColumnRef? ColumnOf(JsonElement node)
    {
        while (node.TryGetProperty("TypeCast", out var cast))
        {
            node = cast.GetProperty("arg");
        }

        if (!node.TryGetProperty("ColumnRef", out var reference))
        {
            return null;
        }

        var fields = reference.GetProperty("fields").EnumerateArray()
            .Select(field => field.TryGetProperty("String", out var name) ? name.GetProperty("sval").GetString() : null)
            .ToList();
        return fields switch
        {
            [{ } column] => new ColumnRef(null, column),
            [{ } alias, { } column] => new ColumnRef(alias, column),
            _ => null,
        };
    }

    /// <summary>The operator's name; a qualified <c>OPERATOR(pg_catalog.=)</c> is its last part.</summary>
    private static string? Name(JsonElement node) =>
        node.GetProperty("name").EnumerateArray().LastOrDefault().TryGetProperty("String", out var name) ? name.GetProperty("sval").GetString() : null;

    /// <summary>
    /// An operand as printed: from its first token to the parenthesis that closes the comparison
    /// around it (EXPLAIN parenthesises every comparison), or to an AND or OR outside parentheses.
    /// </summary>
    private static string Operand(JsonElement node, string sql, Utf8Text text)
    {
        var start = text.CharOffset(FirstLocation(node));
        var (depth, end) = (0, sql.Length);
        foreach (var token in PgQuery.Scan(sql[start..]))
        {
            depth += token.Text == "(" ? 1 : token.Text == ")" ? -1 : 0;
            if (depth < 0 || (depth == 0 && token.Text.ToUpperInvariant() is "AND" or "OR"))
            {
                end = start + token.Start;
                break;
            }
        }

        return sql[start..end].Trim();
    }

    /// <summary>The smallest byte offset any node of the operand starts at: where its text begins.</summary>
    private static int FirstLocation(JsonElement node)
    {
        var first = int.MaxValue;
        var pending = new Stack<JsonElement>([node]);
        while (pending.TryPop(out var current))
        {
            if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in current.EnumerateArray())
                {
                    pending.Push(child);
                }
            }
            else if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in current.EnumerateObject())
                {
                    if (property.Name == "location" && property.Value.ValueKind == JsonValueKind.Number && property.Value.GetInt32() >= 0)
                    {
                        first = Math.Min(first, property.Value.GetInt32());
                    }
                    else
                    {
                        pending.Push(property.Value);
                    }
                }
            }
        }

        return first == int.MaxValue ? 0 : first;
    }

    private static string Flip(string op) => op switch
    {
        "<" => ">",
        ">" => "<",
        "<=" => ">=",
        ">=" => "<=",
        "@>" => "<@",
        "<@" => "@>",
        _ => op,
    };

    // How EXPLAIN prints a subplan's result inside a predicate: (SubPlan 1), (hashed SubPlan 2),
    // (alternatives: SubPlan 1 or hashed SubPlan 2).
    [GeneratedRegex(@"\((?:alternatives: )?(?:hashed )?SubPlan \d+(?: or hashed SubPlan \d+)?\)")]
    private static partial Regex SubPlan();
}
