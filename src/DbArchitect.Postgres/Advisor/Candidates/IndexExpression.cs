using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// Reads an expression out of a plan predicate as the key of an expression index: the columns it
/// reads and its text without the plan's aliases, in the form pg_get_indexdef prints a key (a bare
/// function call as it is, anything else in parentheses).
/// </summary>
internal static partial class IndexExpression
{
    public static (IReadOnlyList<ColumnRef> Columns, string Key)? Read(string text)
    {
        text = text.Trim();
        if (PredicateParser.Column(text) is not null || text.Contains('$', StringComparison.Ordinal) || Subquery().IsMatch(text))
        {
            return null;
        }

        var columns = Columns(text).Distinct().ToList();
        if (columns.Count == 0 || columns.Select(c => c.Alias).Distinct().Count() != 1)
        {
            return null;
        }

        var bare = Unqualified(text);
        return (columns, FunctionCall().IsMatch(bare) && Balanced(bare[(bare.IndexOf('(') + 1)..^1]) ? bare : $"({bare})");
    }

    /// <summary>A constant or parameter: no column of any table.</summary>
    public static bool IsValue(string text) =>
        PredicateParser.Column(text) is null && !Columns(text).Any() && !Subquery().IsMatch(text);

    // Booleans print as bare words, like columns.
    private static IEnumerable<ColumnRef> Columns(string text) => ColumnUse.References(text).Where(c => c.Column is not ("true" or "false"));

    // Aliases go outside string literals only: 'a.b' is a value.
    private static string Unqualified(string text)
    {
        var parts = ColumnUse.Literal().Split(text);
        var literals = ColumnUse.Literal().Matches(text);
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            result.Append(Qualifier().Replace(parts[i], ""));
            if (i < literals.Count)
            {
                result.Append(literals[i].Value);
            }
        }

        return result.ToString();
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in ColumnUse.Literal().Replace(text, "''"))
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    [GeneratedRegex("""(?<![A-Za-z0-9_$".])(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")\.(?=[A-Za-z_"])""")]
    private static partial Regex Qualifier();

    [GeneratedRegex("^[a-z_][a-z0-9_]*\\(.*\\)$", RegexOptions.Singleline)]
    private static partial Regex FunctionCall();

    [GeneratedRegex("SubPlan|InitPlan|\\(SELECT ", RegexOptions.IgnoreCase)]
    private static partial Regex Subquery();
}
