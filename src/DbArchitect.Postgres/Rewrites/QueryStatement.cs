using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sql;

namespace DbArchitect.Postgres.Rewrites;

/// <summary>
/// One statement that only reads: it starts with SELECT, WITH, VALUES or TABLE (perhaps inside
/// parentheses), is a single statement, and does not create a table (SELECT … INTO). Whether it
/// writes through a data-modifying WITH or locks rows (FOR UPDATE) is left to its plan, which
/// shows both for certain; the read-only transaction it runs in refuses writes in any case.
/// </summary>
public sealed record QueryStatement
{
    private static readonly string[] QueryKeywords = ["SELECT", "WITH", "VALUES", "TABLE"];

    /// <summary>The statement without its trailing semicolon, typed placeholders written as casts.</summary>
    public required string Text { get; init; }

    /// <summary>The n of every <c>$n</c> outside strings and comments, ascending.</summary>
    public required IReadOnlyList<int> Placeholders { get; init; }

    /// <summary>
    /// The statement's own ORDER BY (not one in a subquery, a window, an aggregate call, a string
    /// or a comment): the order of its rows is then part of its answer.
    /// </summary>
    public required bool HasTopLevelOrderBy { get; init; }

    public static bool TryRead(string sql, [NotNullWhen(true)] out QueryStatement? query, [NotNullWhen(false)] out string? refusal)
    {
        query = null;
        var text = TypedPlaceholders.Rewrite(sql.Trim());
        var tokens = SqlTokenizer.Tokenize(text);
        if (tokens is null)
        {
            refusal = "a string, quoted name or comment is never closed";
            return false;
        }

        if (tokens.Count > 0 && tokens[^1].Kind == SqlTokenKind.Semicolon)
        {
            text = text[..tokens[^1].Start].TrimEnd();
            tokens = tokens.Take(tokens.Count - 1).ToList();
        }

        var body = WithoutEnclosingParentheses(tokens);
        refusal = Refusal(tokens, body);
        if (refusal is not null)
        {
            return false;
        }

        var topLevel = TopLevel(body).ToList();
        query = new QueryStatement
        {
            Text = text,
            Placeholders = tokens.Where(t => t.Kind == SqlTokenKind.Placeholder).Select(t => int.Parse(t.Text[1..], CultureInfo.InvariantCulture)).Distinct().Order().ToList(),
            HasTopLevelOrderBy = topLevel.Zip(topLevel.Skip(1)).Any(pair => pair.First.IsWord("ORDER") && pair.Second.IsWord("BY")),
        };
        return true;
    }

    /// <summary>True when the statement has an ORDER BY of its own; false too for text that is not one readable statement.</summary>
    public static bool HasOrderBy(string sql) => TryRead(sql, out var query, out _) && query.HasTopLevelOrderBy;

    private static string? Refusal(IReadOnlyList<SqlToken> tokens, IReadOnlyList<SqlToken> body)
    {
        if (tokens.Count == 0)
        {
            return "the statement is empty";
        }

        if (tokens.Any(t => t.Kind == SqlTokenKind.Semicolon))
        {
            return "only one statement is allowed";
        }

        if (tokens.Any(t => t.Depth < 0) || tokens.Count(t => t.Kind == SqlTokenKind.OpenParenthesis) != tokens.Count(t => t.Kind == SqlTokenKind.CloseParenthesis))
        {
            return "the parentheses do not balance";
        }

        // The protocol carries at most 65,535 parameters; a longer number is no placeholder the server accepts.
        if (tokens.FirstOrDefault(t => t.Kind == SqlTokenKind.Placeholder && t.Text.Length > 6) is { } huge)
        {
            return $"{huge.Text} is not a placeholder PostgreSQL accepts";
        }

        var first = body.FirstOrDefault(t => t.Kind != SqlTokenKind.OpenParenthesis);
        if (first is null || !QueryKeywords.Any(first.IsWord))
        {
            return $"only a query (SELECT, WITH … SELECT, VALUES, TABLE) is verified, not a statement starting with {first?.Text ?? "("}";
        }

        return TopLevel(body).Any(t => t.IsWord("INTO")) ? "SELECT … INTO creates a table; only a query is verified" : null;
    }

    private static IEnumerable<SqlToken> TopLevel(IReadOnlyList<SqlToken> body)
    {
        var depth = body.Count > 0 ? body[0].Depth : 0;
        return body.Where(t => t.Depth == depth && t.Kind is not (SqlTokenKind.OpenParenthesis or SqlTokenKind.CloseParenthesis));
    }

    // "(SELECT … ORDER BY a)" is the statement itself in parentheses: its ORDER BY is the statement's own.
    private static IReadOnlyList<SqlToken> WithoutEnclosingParentheses(IReadOnlyList<SqlToken> tokens)
    {
        var body = tokens;
        while (body.Count >= 2 && body[0].Kind == SqlTokenKind.OpenParenthesis && body[^1].Kind == SqlTokenKind.CloseParenthesis
            && body.Skip(1).Take(body.Count - 2).All(t => t.Depth > body[0].Depth))
        {
            body = body.Skip(1).Take(body.Count - 2).ToList();
        }

        return body;
    }
}
