using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Rewrites;

/// <summary>
/// One statement that only reads, as the server's parser sees it: a single SelectStmt (SELECT,
/// VALUES, TABLE, set operations, perhaps in parentheses) that does not create a table
/// (SELECT … INTO) and whose WITH queries are all SELECTs. Whether it locks rows (FOR UPDATE) is
/// left to its plan; the read-only transaction it runs in refuses writes in any case.
/// </summary>
public sealed record QueryStatement
{
    private const int OpenParenthesis = '(';
    private const int CloseParenthesis = ')';
    private const int Semicolon = ';';

    // The protocol carries at most 65,535 parameters; a longer number is no placeholder the server accepts.
    private const int LongestPlaceholder = 6;

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
        List<SqlScanToken> tokens;
        try
        {
            tokens = [.. PgQuery.Scan(text).Where(t => !t.IsComment)];
        }
        catch (SqlParseException error)
        {
            refusal = error.ServerMessage.StartsWith("unterminated", StringComparison.Ordinal)
                ? "a string, quoted name or comment is never closed"
                : $"PostgreSQL cannot read it: {error.Message}";
            return false;
        }

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

        JsonDocument tree;
        try
        {
            tree = PgQuery.Parse(text);
        }
        catch (SqlParseException error)
        {
            refusal = $"PostgreSQL does not parse it: {error.Message}";
            return false;
        }

        using (tree)
        {
            var statement = tree.RootElement.GetProperty("stmts")[0].GetProperty("stmt");
            refusal = Refusal(statement, tokens);
            if (refusal is not null)
            {
                return false;
            }

            query = new QueryStatement
            {
                Text = text,
                Placeholders = ParseTreeNodes.OfType(statement, "ParamRef").Select(p => p.GetProperty("number").GetInt32()).Distinct().Order().ToList(),
                HasTopLevelOrderBy = statement.GetProperty("SelectStmt").TryGetProperty("sortClause", out _),
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

        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token.Token switch { OpenParenthesis => 1, CloseParenthesis => -1, _ => 0 };
            if (depth < 0)
            {
                break;
            }
        }

        if (depth != 0)
        {
            return "the parentheses do not balance";
        }

        return tokens.FirstOrDefault(t => t.Token == SqlScanToken.Param && t.Length > LongestPlaceholder + 1) is { } huge
            ? $"{huge.Text} is not a placeholder PostgreSQL accepts"
            : null;
    }

    private static string? Refusal(JsonElement statement, IReadOnlyList<SqlScanToken> tokens)
    {
        if (!statement.TryGetProperty("SelectStmt", out var select))
        {
            var first = tokens.FirstOrDefault(t => t.Token != OpenParenthesis);
            return $"only a query (SELECT, WITH … SELECT, VALUES, TABLE) is verified, not a statement starting with {first?.Text ?? "("}";
        }

        if (CreatesTable(select))
        {
            return "SELECT … INTO creates a table; only a query is verified";
        }

        return WritingWithQuery(select) is { } writing ? $"a WITH query that runs {writing} writes; only a query is verified" : null;
    }

    // In a set operation the INTO sits on its first branch: SELECT … INTO t FROM a UNION SELECT … FROM b.
    private static bool CreatesTable(JsonElement select) =>
        select.TryGetProperty("intoClause", out _)
        || (select.TryGetProperty("larg", out var left) && CreatesTable(left))
        || (select.TryGetProperty("rarg", out var right) && CreatesTable(right));

    // A data-modifying WITH is allowed only on the outermost statement, so only its WITH is read.
    private static string? WritingWithQuery(JsonElement select) =>
        select.TryGetProperty("withClause", out var with)
            ? with.GetProperty("ctes").EnumerateArray()
                .Select(cte => cte.GetProperty("CommonTableExpr").GetProperty("ctequery").EnumerateObject().First().Name)
                .FirstOrDefault(kind => kind != "SelectStmt")
                ?.Replace("Stmt", "", StringComparison.Ordinal).ToUpperInvariant()
            : null;
}
