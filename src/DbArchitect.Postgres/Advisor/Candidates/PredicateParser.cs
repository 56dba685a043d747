using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// Reads the comparisons out of the predicate text EXPLAIN VERBOSE prints. PostgreSQL prints every
/// comparison in its own parentheses, <c>((a.x = 1) AND (a.y &gt;= $1))</c>, so each balanced
/// group is split once at its top-level operator; anything else (function calls, arithmetic) is
/// not a column an index key could use directly and is skipped.
/// </summary>
public static partial class PredicateParser
{
    private static readonly string[] Operators = ["= ANY", "~~*", "!~~", "~~", "<=", ">=", "<>", "@>", "<@", "&&", "?|", "?&", "@@", "IS", "=", "<", ">", "?"];

    public static IReadOnlyList<Comparison> Parse(string? predicate)
    {
        if (string.IsNullOrWhiteSpace(predicate))
        {
            return [];
        }

        var comparisons = new List<Comparison>();
        foreach (var group in Groups(predicate))
        {
            if (Split(group) is { } parts && Read(parts.Left, parts.Operator, parts.Right) is { } comparison)
            {
                comparisons.Add(comparison);
            }
        }

        return comparisons;
    }

    /// <summary>
    /// The comparisons in a predicate whose one side is an expression over columns of one alias
    /// and whose other side is a constant or parameter (see <see cref="ExpressionComparison"/>).
    /// </summary>
    public static IReadOnlyList<ExpressionComparison> ParseExpressions(string? predicate)
    {
        if (string.IsNullOrWhiteSpace(predicate))
        {
            return [];
        }

        var comparisons = new List<ExpressionComparison>();
        foreach (var group in Groups(predicate))
        {
            if (Split(group) is not { } parts)
            {
                continue;
            }

            if (IndexExpression.Read(parts.Left) is { } left && IndexExpression.IsValue(parts.Right))
            {
                comparisons.Add(new ExpressionComparison(left.Columns, left.Key, parts.Operator, parts.Right));
            }
            else if (IndexExpression.Read(parts.Right) is { } right && IndexExpression.IsValue(parts.Left))
            {
                comparisons.Add(new ExpressionComparison(right.Columns, right.Key, Flip(parts.Operator), parts.Left));
            }
        }

        return comparisons;
    }

    /// <summary>A sort or group key such as <c>o.created_at DESC</c>: the column and whether it descends.</summary>
    public static (ColumnRef Column, bool Descending)? SortKey(string key)
    {
        var descending = key.EndsWith(" DESC", StringComparison.Ordinal);
        var text = descending ? key[..^5] : key;
        return Column(text.Trim()) is { } column ? (column, descending) : null;
    }

    public static ColumnRef? Column(string text)
    {
        var match = ColumnPattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "true" or "false")
        {
            return null;
        }

        var alias = match.Groups["alias"].Success ? Unquote(match.Groups["alias"].Value) : null;
        return new ColumnRef(alias, Unquote(match.Groups["column"].Value));
    }

    private static Comparison? Read(string left, string op, string right)
    {
        var leftColumn = Column(left);
        var rightColumn = Column(right);
        if (op == "IS")
        {
            // "IS NULL" is a column, "IS NOT NULL" selects almost everything and no key serves it.
            return leftColumn is not null && right == "NULL" ? new Comparison(leftColumn, op, right, null) : null;
        }

        if (leftColumn is not null)
        {
            return new Comparison(leftColumn, op, right, rightColumn);
        }

        // "(100 < o.total)": flip so the column is on the left, and the operator with it.
        return rightColumn is null ? null : new Comparison(rightColumn, Flip(op), left, null);
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

    /// <summary>The inside of every balanced parenthesised group, innermost included.</summary>
    private static IEnumerable<string> Groups(string text)
    {
        var open = new Stack<int>();
        var inQuote = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
            }
            else if (inQuote)
            {
                continue;
            }
            else if (c == '(')
            {
                open.Push(i);
            }
            else if (c == ')' && open.Count > 0)
            {
                var start = open.Pop();
                yield return text[(start + 1)..i];
            }
        }
    }

    private static (string Left, string Operator, string Right)? Split(string group)
    {
        var depth = 0;
        var inQuote = false;
        for (var i = 0; i < group.Length; i++)
        {
            var c = group[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
            }

            if (inQuote)
            {
                continue;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth != 0 || c != ' ')
            {
                continue;
            }

            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(group, i + 1, op, 0, op.Length) == 0 && i + 1 + op.Length < group.Length && group[i + 1 + op.Length] == ' ')
                {
                    var left = group[..i];
                    var right = group[(i + op.Length + 2)..];
                    return left.Contains(" AND ", StringComparison.Ordinal) || left.Contains(" OR ", StringComparison.Ordinal) ? null : (left, op, right);
                }
            }
        }

        return null;
    }

    private static string Unquote(string name) => name.StartsWith('"') ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    // A column, optionally alias-qualified, optionally wrapped as "(col)::type" the way VERBOSE
    // prints implicit casts of varchar and domains.
    [GeneratedRegex("""^\(?(?:(?<alias>[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")\.)?(?<column>[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")\)?(?:::[a-z ]+(?:\[\])?)?$""")]
    private static partial Regex ColumnPattern();
}
