using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// SQL text as the server's lexer reads it, even when it cannot read all of it: the tokens up to
/// the first one it rejects (an unterminated string, quoted name or comment, junk after a number),
/// and that rejected rest, the <see cref="Tail"/>, kept as written. Text from a log or a model is
/// often cut off, and the old hand-written lexers read such text to its end without failing.
/// </summary>
internal sealed record ScannedSql(string Text, IReadOnlyList<SqlScanToken> Tokens, int TailStart)
{
    public string Tail => Text[TailStart..];

    /// <summary>An unterminated string, E'…', B'…', X'…', N'…' or U&amp;'…': a constant cut short (a dollar quote is a body, not a constant).</summary>
    public bool TailIsConstant => Tail switch
    {
        ['\'', ..] => true,
        ['E' or 'e' or 'B' or 'b' or 'X' or 'x' or 'N' or 'n', '\'', ..] => true,
        ['U' or 'u', '&', '\'', ..] => true,
        _ => false,
    };

    public bool TailIsComment => Tail.StartsWith("/*", StringComparison.Ordinal);

    public static ScannedSql Of(string text)
    {
        var readable = text.Length;
        while (true)
        {
            try
            {
                return new ScannedSql(text, PgQuery.Scan(readable == text.Length ? text : text[..readable]), readable);
            }
            catch (SqlParseException error)
            {
                // The lexer names the start of the token it rejects; everything before that reads.
                // A position that does not move the cut back would loop, so the whole text is then the tail.
                readable = error.Position >= 1 && error.Position - 1 < readable ? error.Position - 1 : 0;
            }
        }
    }
}
