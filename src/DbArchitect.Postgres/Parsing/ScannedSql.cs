namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// SQL text as the server's lexer reads it, even when it cannot read all of it. A number written
/// as PostgreSQL 16 allows and 15's lexer rejects (<c>0x1F</c>, <c>1_000</c>) becomes one number
/// token and the reading goes on after it. Anything else the lexer rejects (an unterminated
/// string, quoted name or comment) ends the tokens, and that rest, the <see cref="Tail"/>, is kept
/// as written. Text from a log or a model is often cut off, and the old hand-written lexers read
/// such text to its end without failing.
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
        var tokens = new List<SqlScanToken>();
        var from = 0;
        while (true)
        {
            var stop = ScanUntilRejected(text, from, tokens);
            var number = stop < text.Length && (char.IsAsciiDigit(text[stop]) || text[stop] == '.') ? NumberLength(text, stop) : 0;
            if (stop == text.Length || number == 0)
            {
                return new ScannedSql(text, tokens, stop);
            }

            tokens.Add(new SqlScanToken(stop, number, SqlScanToken.Integer, KeywordKind.None, text.Substring(stop, number)));
            from = stop + number;
        }
    }

    /// <returns>Where the lexer stopped reading: the end of the text, or the start of the token it rejected.</returns>
    private static int ScanUntilRejected(string text, int from, List<SqlScanToken> tokens)
    {
        var readable = text.Length;
        while (true)
        {
            try
            {
                var read = PgQuery.Scan(from == 0 && readable == text.Length ? text : text[from..readable]);
                tokens.AddRange(from == 0 ? read : read.Select(token => token with { Start = token.Start + from }));
                return readable;
            }
            catch (SqlParseException error)
            {
                // The lexer names the start of the token it rejects; everything before that reads.
                // A position that does not move the cut back would loop, so nothing reads then.
                var rejected = from + error.Position - 1;
                readable = error.Position >= 1 && rejected < readable ? rejected : from;
            }
        }
    }

    private static int NumberLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.'))
        {
            end++;
        }

        return end - start;
    }
}
