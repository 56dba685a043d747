using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Rewrites;

/// <summary>
/// One statement that only reads, as the server's parser (libpg_query) sees it: a single
/// SelectStmt (SELECT, WITH … SELECT, VALUES, TABLE, set operations, perhaps in parentheses) that
/// does not create a table (SELECT … INTO). Whether it writes through a data-modifying WITH or
/// locks rows (FOR UPDATE) is left to its plan, which shows both for certain; the read-only
/// transaction it runs in refuses writes in any case.
/// </summary>
/// <remarks>
/// libpg_query is PostgreSQL 15's parser, and the target may be newer. Text it does not parse is
/// therefore not refused for that: read from its tokens, it passes when it starts like a query, and
/// planning it on the target gives the verdict (and the server's syntax error, if it is one).
/// </remarks>
public sealed record QueryStatement
{
    private const int OpenParenthesis = '(';
    private const int CloseParenthesis = ')';
    private const int Semicolon = ';';

    // The protocol carries at most 65,535 parameters; a longer number is no placeholder the server accepts.
    private const int LongestPlaceholder = 6;

    private const string CreatesTableRefusal = "SELECT … INTO creates a table; only a query is verified";

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
        var scanned = ScannedSql.Of(text);
        if (scanned.Tail.Length > 0)
        {
            // The lexer stops at an unterminated quote or comment, and at junk after a placeholder.
            refusal = scanned.Tail is ['$', var next, ..] && char.IsAsciiDigit(next)
                ? $"{scanned.Tail.Split((char[]?)null, 2)[0]} is not a placeholder PostgreSQL accepts"
                : "a string, quoted name or comment is never closed";
            return false;
        }

        List<SqlScanToken> tokens = [.. scanned.Tokens.Where(t => !t.IsComment)];
        if (tokens is [.., { Token: Semicolon } last])
        {
            text = text[..last.Start].TrimEnd();
            tokens.RemoveAt(tokens.Count - 1);
        }

        refusal = Refusal(tokens);
        if (refusal is not null)
        {
            return false;
        }

        if (PgQuery.TryParse(text) is not { } tree)
        {
            return TryReadUnparsed(text, tokens, out query, out refusal);
        }

        using (tree)
        {
            var statement = tree.RootElement.GetProperty("stmts")[0].GetProperty("stmt");
            if (!statement.TryGetProperty("SelectStmt", out var select))
            {
                refusal = NotAQuery(tokens);
                return false;
            }

            if (CreatesTable(select))
            {
                refusal = CreatesTableRefusal;
                return false;
            }

            query = new QueryStatement
            {
                Text = text,
                Placeholders = ParseTreeNodes.OfType(statement, "ParamRef").Select(p => p.GetProperty("number").GetInt32()).Distinct().Order().ToList(),
                HasTopLevelOrderBy = select.TryGetProperty("sortClause", out _),
            };
            return true;
        }
    }

    /// <summary>True when the statement has an ORDER BY of its own; false too for text that is not one readable statement.</summary>
    public static bool HasOrderBy(string sql) => TryRead(sql, out var query, out _) && query.HasTopLevelOrderBy;

    // What the tokens alone tell, in words more helpful than the parser's syntax error; after
    // these the text holds exactly one statement, so the parse tree has one.
    private static string? Refusal(IReadOnlyList<SqlScanToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return "the statement is empty";
        }

        if (tokens.Any(t => t.Token == Semicolon))
        {
            return "only one statement is allowed";
        }

        if (Depths(tokens).Any(depth => depth < 0) || Depths(tokens).LastOrDefault() != 0)
        {
            return "the parentheses do not balance";
        }

        return tokens.FirstOrDefault(t => t.Token == SqlScanToken.Param && t.Length > LongestPlaceholder + 1) is { } huge
            ? $"{huge.Text} is not a placeholder PostgreSQL accepts"
            : null;
    }

    private static string NotAQuery(IReadOnlyList<SqlScanToken> tokens) =>
        $"only a query (SELECT, WITH … SELECT, VALUES, TABLE) is verified, not a statement starting with {tokens.FirstOrDefault(t => t.Token != OpenParenthesis)?.Text ?? "("}";

    // In a set operation the INTO sits on its first branch: SELECT … INTO t FROM a UNION SELECT … FROM b.
    private static bool CreatesTable(JsonElement select) =>
        select.TryGetProperty("intoClause", out _)
        || (select.TryGetProperty("larg", out var left) && CreatesTable(left))
        || (select.TryGetProperty("rarg", out var right) && CreatesTable(right));

    // Without a parse tree the statement's own clauses are the words outside every parenthesis:
    // subqueries, windows, aggregate calls and WITH bodies are all inside one.
    private static bool TryReadUnparsed(string text, IReadOnlyList<SqlScanToken> tokens, [NotNullWhen(true)] out QueryStatement? query, [NotNullWhen(false)] out string? refusal)
    {
        query = null;
        var first = tokens.FirstOrDefault(t => t.Token != OpenParenthesis);
        if (first is null || !QueryKeywords.Contains(first.Text, StringComparer.OrdinalIgnoreCase))
        {
            refusal = NotAQuery(tokens);
            return false;
        }

        var outside = tokens.Zip(Depths(tokens), (token, depth) => (token, depth))
            .Where(pair => pair.depth == 0 && pair.token.Token is not (OpenParenthesis or CloseParenthesis))
            .Select(pair => pair.token.Text.ToUpperInvariant())
            .ToList();
        if (outside.Contains("INTO"))
        {
            refusal = CreatesTableRefusal;
            return false;
        }

        refusal = null;
        query = new QueryStatement
        {
            Text = text,
            Placeholders = tokens.Where(t => t.Token == SqlScanToken.Param).Select(t => int.Parse(t.Text.AsSpan(1), CultureInfo.InvariantCulture)).Distinct().Order().ToList(),
            HasTopLevelOrderBy = outside.Zip(outside.Skip(1)).Contains(("ORDER", "BY")),
        };
        return true;
    }

    /// <summary>The parentheses open after each token.</summary>
    private static IEnumerable<int> Depths(IEnumerable<SqlScanToken> tokens)
    {
        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token.Token switch { OpenParenthesis => 1, CloseParenthesis => -1, _ => 0 };
            yield return depth;
        }
    }
}
