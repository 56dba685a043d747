using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Explain.Predicates;

/// <summary>
/// Reads the comparisons out of the predicate text EXPLAIN VERBOSE prints, e.g.
/// <c>((a.x = 1) AND (a.y &gt;= $1))</c>, on the server's own parser and lexer: every comparison of
/// a column, or of an expression over one table's columns, with something else, wherever it sits
/// (under AND, OR or NOT), in the order written. The other side is kept as printed.
/// </summary>
public static partial class PredicateParser
{
    // The operators an index can serve a column with; arithmetic and concatenation are not comparisons.
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "~~*", "!~~", "~~", "<=", ">=", "<>", "@>", "<@", "&&", "?|", "?&", "@@", "=", "<", ">", "?" };

    // The insights and the advisor each read the same plan node's condition; a plan node keeps
    // its text as one string object, so a table keyed by that object parses it once and lets it
    // go with the plan.
    private static readonly ConditionalWeakTable<string, IReadOnlyList<Comparison>> ParsedComparisons = new();
    private static readonly ConditionalWeakTable<string, IReadOnlyList<ExpressionComparison>> ParsedExpressions = new();

    // What the parser reads the predicate in: a WHERE clause needs no target list.
    private const string Frame = "SELECT WHERE ";

    /// <summary>Comparisons of a plain column (through casts) with a constant, a parameter or another column.</summary>
    public static IReadOnlyList<Comparison> Parse(string? predicate) =>
        predicate is null ? [] : ParsedComparisons.GetValue(predicate, text => Read(text, (reading, node) => reading.Comparison(node)));

    /// <summary>
    /// Comparisons whose one side is an expression over columns of one alias and whose other side
    /// is a constant or parameter (see <see cref="ExpressionComparison"/>).
    /// </summary>
    public static IReadOnlyList<ExpressionComparison> ParseExpressions(string? predicate) =>
        predicate is null ? [] : ParsedExpressions.GetValue(predicate, text => Read(text, (reading, node) => reading.Expression(node)));

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
        return tree is null ? null : ColumnOf(WhereClause(tree));
    }

    /// <summary>
    /// Every column an expression EXPLAIN VERBOSE prints refers to (an output, a sort or group key,
    /// a condition), alias-qualified or not; a sort key's <c>DESC</c>/<c>NULLS</c> is read as the
    /// ORDER BY it is. Text the grammar refuses gives none.
    /// </summary>
    public static IReadOnlyList<ColumnRef> References(string expression)
    {
        using var tree = Expression(expression);
        return tree is null ? [] : [.. ParseTreeNodes.OfType(tree.RootElement, "ColumnRef").Select(Reference).OfType<ColumnRef>()];
    }

    /// <summary>
    /// The function calls of an expression EXPLAIN VERBOSE prints, read as <see cref="References"/>
    /// reads it, outer before inner; null for text the grammar refuses (a plan's labels: a node
    /// type, <c>InitPlan 1 (returns $0)</c>).
    /// </summary>
    public static IReadOnlyList<FunctionCall>? Calls(string expression)
    {
        using var tree = Expression(expression);
        return tree is null
            ? null
            : [.. ParseTreeNodes.OfType(tree.RootElement, "FuncCall")
                .Select(call => ParseTreeCalls.Function(call) is { } name ? new FunctionCall(name, Arguments(call)) : null)
                .OfType<FunctionCall>()];
    }

    private static List<ColumnRef?> Arguments(JsonElement call) =>
        call.TryGetProperty("args", out var args) ? [.. args.EnumerateArray().Select(ColumnOf)] : [];

    /// <summary>An expression as a select item, else as an ORDER BY item (a sort key); null when it is neither.</summary>
    private static JsonDocument? Expression(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);

        // PostgreSQL 15 prints a window function's frame as "OVER (?)", which is no SQL: the frame
        // says nothing of the columns or calls, so an empty one stands in for it.
        var text = SubPlan().Replace(expression, "NULL").Replace(" OVER (?)", " OVER ()", StringComparison.Ordinal);
        foreach (var sql in (string[])[$"SELECT {text}", $"SELECT 1 ORDER BY {text}"])
        {
            try
            {
                return PgQuery.Parse(sql);
            }
            catch (SqlParseException)
            {
                // Not an expression; perhaps a sort key.
            }
        }

        return null;
    }

    private static List<T> Read<T>(string? predicate, Func<Reading, JsonElement, T?> read)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(predicate))
        {
            return [];
        }

        // A subplan's result is a value known only when the statement runs, as a parameter's is
        // ("$$0" is a literal $0 in a replacement pattern).
        var sql = Frame + SubPlan().Replace(predicate, "$$0");
        using var tree = Where(sql);
        if (tree is null)
        {
            return [];
        }

        var reading = new Reading(sql);
        var found = new List<T>();
        foreach (var (type, node) in ParseTreeNodes.OfTypes(WhereClause(tree), "A_Expr", "NullTest"))
        {
            if ((type == "A_Expr" ? read(reading, node) : typeof(T) == typeof(Comparison) ? NullTested(node) as T : null) is { } item)
            {
                found.Add(item);
            }
        }

        return found;
    }

    private static JsonElement WhereClause(JsonDocument tree) =>
        tree.RootElement.GetProperty("stmts")[0].GetProperty("stmt").GetProperty("SelectStmt").GetProperty("whereClause");

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

    /// <summary>"IS NULL" is a column an index serves; "IS NOT NULL" selects almost everything and no key serves it.</summary>
    private static Comparison? NullTested(JsonElement node) =>
        node.GetProperty("nulltesttype").GetString() == "IS_NULL" && ColumnOf(node.GetProperty("arg")) is { } column
            ? new Comparison(column, "IS", "NULL", null)
            : null;

    /// <summary>A column reference, alone or under casts (VERBOSE prints implicit casts of varchar and domains).</summary>
    private static ColumnRef? ColumnOf(JsonElement node) =>
        Uncast(node).TryGetProperty("ColumnRef", out var reference) ? Reference(reference) : null;

    /// <summary>A placeholder <c>$n</c>, alone or under casts; null for anything else.</summary>
    /// <remarks>
    /// <c>$0</c> stands for a subplan's result (see <see cref="Read{T}"/>), no placeholder of the
    /// statement; libpg_query's JSON leaves a zero number out, so it has none.
    /// </remarks>
    private static int? PlaceholderOf(JsonElement node) =>
        Uncast(node).TryGetProperty("ParamRef", out var parameter) && parameter.TryGetProperty("number", out var number) && number.GetInt32() > 0
            ? number.GetInt32()
            : null;

    /// <summary>The placeholders of <c>ARRAY[$1, $2]</c> when it holds nothing else; empty for anything else.</summary>
    private static IReadOnlyList<int> PlaceholderArray(JsonElement node)
    {
        if (!Uncast(node).TryGetProperty("A_ArrayExpr", out var array) || !array.TryGetProperty("elements", out var elements))
        {
            return [];
        }

        var placeholders = elements.EnumerateArray().Select(PlaceholderOf).ToList();
        return placeholders.All(p => p is not null) ? [.. placeholders.Select(p => p!.Value)] : [];
    }

    private static JsonElement Uncast(JsonElement node)
    {
        while (node.TryGetProperty("TypeCast", out var cast))
        {
            node = cast.GetProperty("arg");
        }

        return node;
    }

    private static ColumnRef? Reference(JsonElement reference)
    {
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

    /// <summary>The comparison's operator: <c>= ANY</c>, or a name of <see cref="Operators"/> (a qualified <c>OPERATOR(pg_catalog.=)</c> by its last part).</summary>
    private static string? Operator(JsonElement node)
    {
        var name = node.GetProperty("name").EnumerateArray().LastOrDefault() is { ValueKind: JsonValueKind.Object } last && last.TryGetProperty("String", out var text)
            ? text.GetProperty("sval").GetString()
            : null;
        return node.GetProperty("kind").GetString() switch
        {
            "AEXPR_OP" or "AEXPR_LIKE" or "AEXPR_ILIKE" when name is not null && Operators.Contains(name) => name,
            "AEXPR_OP_ANY" when name == "=" => "= ANY",
            _ => null,
        };
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

    /// <summary>One predicate's text and tokens: where each side of a comparison begins and ends as printed.</summary>
    private sealed class Reading(string sql)
    {
        private readonly Utf8Text _text = new(sql);
        private readonly IReadOnlyList<SqlScanToken> _tokens = PgQuery.Scan(sql);

        public Comparison? Comparison(JsonElement node)
        {
            if (Sides(node) is not var (op, left, right, (leftStart, leftText), (rightStart, rightText)))
            {
                return null;
            }

            if (ColumnOf(left) is { } column)
            {
                return new Comparison(column, op, rightText, ColumnOf(right)) { Placeholder = PlaceholderOf(right), PlaceholderArray = PlaceholderArray(right) };
            }

            // "(100 < o.total)": flip so the column is on the left, and the operator with it.
            return ColumnOf(right) is { } flipped && op != "= ANY"
                ? new Comparison(flipped, Flip(op), leftText, null) { Placeholder = PlaceholderOf(left), PlaceholderArray = PlaceholderArray(left) }
                : null;
        }

        public ExpressionComparison? Expression(JsonElement node)
        {
            if (Sides(node) is not var (op, left, right, (leftStart, leftText), (rightStart, rightText)))
            {
                return null;
            }

            if (Columns(left) is { } columns && IsValue(right))
            {
                return new ExpressionComparison(columns, Key(left, leftStart, leftText), op, rightText);
            }

            return op != "= ANY" && Columns(right) is { } flipped && IsValue(left) ? new ExpressionComparison(flipped, Key(right, rightStart, rightText), Flip(op), leftText) : null;
        }

        private (string Operator, JsonElement Left, JsonElement Right, (int Start, string Text) LeftSide, (int Start, string Text) RightSide)? Sides(JsonElement node)
        {
            if (Operator(node) is not { } op || !node.TryGetProperty("lexpr", out var left) || !node.TryGetProperty("rexpr", out var right))
            {
                return null;
            }

            var at = TokenAt(_text.CharOffset(node.GetProperty("location").GetInt32()));
            var after = at + 1;
            if (_tokens[at].Text.Equals("OPERATOR", StringComparison.OrdinalIgnoreCase))
            {
                after = Closing(at + 1) + 1;
            }
            else if (op == "= ANY")
            {
                after = at + 2;
            }

            return (op, left, right, Before(at), From(after));
        }

        /// <summary>The left side: back from the operator to the parenthesis that opens the comparison.</summary>
        private (int Start, string Text) Before(int operatorToken)
        {
            var (depth, first) = (0, 0);
            for (var i = operatorToken - 1; i >= 0; i--)
            {
                depth += _tokens[i].Text == ")" ? 1 : _tokens[i].Text == "(" ? -1 : 0;
                if (depth < 0 || (depth == 0 && IsConnective(_tokens[i])))
                {
                    first = i + 1;
                    break;
                }
            }

            return Span(first, operatorToken - 1);
        }

        /// <summary>The right side: on to the parenthesis that closes the comparison, or an AND or OR outside parentheses.</summary>
        private (int Start, string Text) From(int firstToken)
        {
            var (depth, last) = (0, _tokens.Count - 1);
            for (var i = firstToken; i < _tokens.Count; i++)
            {
                depth += _tokens[i].Text == "(" ? 1 : _tokens[i].Text == ")" ? -1 : 0;
                if (depth < 0 || (depth == 0 && IsConnective(_tokens[i])))
                {
                    last = i - 1;
                    break;
                }
            }

            return Span(firstToken, last);
        }

        /// <summary>The expression as an index key: without the plan's aliases, parenthesised unless it is a bare function call (the form pg_get_indexdef prints).</summary>
        private string Key(JsonElement side, int start, string printed)
        {
            var key = new StringBuilder(printed);
            var qualifiers = ParseTreeNodes.OfType(side, "ColumnRef")
                .Where(reference => reference.GetProperty("fields").GetArrayLength() == 2)
                .Select(reference => TokenAt(_text.CharOffset(reference.GetProperty("location").GetInt32())))
                .Where(i => i + 1 < _tokens.Count && _tokens[i + 1].Text == ".")
                .OrderByDescending(i => i);
            foreach (var alias in qualifiers)
            {
                key.Remove(_tokens[alias].Start - start, _tokens[alias + 1].Start + 1 - _tokens[alias].Start);
            }

            var text = key.ToString();
            return side.TryGetProperty("FuncCall", out _) && !text.StartsWith('(') ? text : $"({text})";
        }

        /// <summary>The columns of an expression over one alias; null for a plain column, a parameter inside, or columns of two tables.</summary>
        private static List<ColumnRef>? Columns(JsonElement side)
        {
            if (ColumnOf(side) is not null || ParseTreeNodes.OfType(side, "ParamRef").Any() || ParseTreeNodes.OfType(side, "SubLink").Any())
            {
                return null;
            }

            var columns = ParseTreeNodes.OfType(side, "ColumnRef").Select(Reference).OfType<ColumnRef>().Distinct().ToList();
            return columns.Count > 0 && columns.Select(c => c.Alias).Distinct().Count() == 1 ? columns : null;
        }

        /// <summary>A constant or parameter: no column of any table.</summary>
        private static bool IsValue(JsonElement side) => !ParseTreeNodes.OfType(side, "ColumnRef").Any() && !ParseTreeNodes.OfType(side, "SubLink").Any();

        private static bool IsConnective(SqlScanToken token) => token.Text.ToUpperInvariant() is "AND" or "OR" or "NOT" or "WHERE";

        private int TokenAt(int charOffset)
        {
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (_tokens[i].Start >= charOffset)
                {
                    return i;
                }
            }

            return _tokens.Count - 1;
        }

        private int Closing(int open)
        {
            var depth = 0;
            for (var i = open; i < _tokens.Count; i++)
            {
                depth += _tokens[i].Text == "(" ? 1 : _tokens[i].Text == ")" ? -1 : 0;
                if (depth == 0)
                {
                    return i;
                }
            }

            return _tokens.Count - 1;
        }

        private (int Start, string Text) Span(int first, int last) =>
            last < first ? (0, "") : (_tokens[first].Start, sql[_tokens[first].Start..(_tokens[last].Start + _tokens[last].Length)]);
    }

    // How EXPLAIN prints a subplan's result inside a predicate: (SubPlan 1), (hashed SubPlan 2),
    // (alternatives: SubPlan 1 or hashed SubPlan 2).
    [GeneratedRegex(@"\((?:alternatives: )?(?:hashed )?SubPlan \d+(?: or hashed SubPlan \d+)?\)")]
    private static partial Regex SubPlan();
}
