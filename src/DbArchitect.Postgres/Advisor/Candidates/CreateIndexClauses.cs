using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// The key list, INCLUDE list and predicate of a CREATE INDEX as written. The parse tree says what
/// the index is, but an index key carries no position and an expression's position is that of its
/// operator, not its start; so the text is cut from the server lexer's tokens instead.
/// </summary>
/// <param name="Keys">Each key as written, with its opclass and sort options.</param>
/// <param name="Include">Each INCLUDE column as written.</param>
/// <param name="Predicate">The WHERE clause without the WHERE, or null.</param>
internal sealed record CreateIndexClauses(IReadOnlyList<string> Keys, IReadOnlyList<string> Include, string? Predicate)
{
    /// <param name="statement">One CREATE INDEX statement that parses, without its semicolon.</param>
    /// <param name="relationStart">Offset (chars) of the table's name, from the parse tree: the key list is the first parenthesis after it.</param>
    public static CreateIndexClauses Read(string statement, int relationStart)
    {
        var tokens = PgQuery.Scan(statement).Where(token => !token.IsComment).ToList();
        var keys = List(statement, tokens, tokens.FindIndex(token => token.Start >= relationStart && token.Token == '('), out var next);
        IReadOnlyList<string> include = next < tokens.Count && IsKeyword(tokens[next], "include") ? List(statement, tokens, next + 1, out next) : [];
        var predicate = TopLevelWhere(tokens, next) is { } where && where + 1 < tokens.Count ? Text(statement, tokens[where + 1], tokens[^1]) : null;
        return new CreateIndexClauses(keys, include, predicate);
    }

    // The comma-separated items of the parenthesised list opening at tokens[open]; next is the
    // token after its closing parenthesis.
    private static List<string> List(string statement, List<SqlScanToken> tokens, int open, out int next)
    {
        var items = new List<string>();
        var depth = 0;
        var itemStart = open + 1;
        for (var i = itemStart; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (depth == 0 && token.Token is ',' or ')')
            {
                items.Add(Text(statement, tokens[itemStart], tokens[i - 1]));
                itemStart = i + 1;
                if (token.Token == ')')
                {
                    next = i + 1;
                    return items;
                }
            }

            depth += token.Token == '(' ? 1 : token.Token == ')' ? -1 : 0;
        }

        // The statement parsed, so its lists are closed.
        throw new InvalidOperationException("unclosed list in a CREATE INDEX that parsed");
    }

    private static int? TopLevelWhere(List<SqlScanToken> tokens, int from)
    {
        var depth = 0;
        for (var i = from; i < tokens.Count; i++)
        {
            depth += tokens[i].Token == '(' ? 1 : tokens[i].Token == ')' ? -1 : 0;
            if (depth == 0 && IsKeyword(tokens[i], "where"))
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsKeyword(SqlScanToken token, string keyword) =>
        token.Keyword != KeywordKind.None && token.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private static string Text(string statement, SqlScanToken first, SqlScanToken last) =>
        statement[first.Start..(last.Start + last.Length)];
}
