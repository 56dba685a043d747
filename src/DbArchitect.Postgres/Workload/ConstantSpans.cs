using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// Which tokens of a statement are its constants. When a query or DML statement parses, the
/// server's parser decides, through libpg_query's normalize (pg_stat_statements' algorithm on the
/// raw parse tree): <c>-1</c> is one constant where <c>a - 1</c> is an operator and a constant,
/// <c>true</c> and <c>null</c> count, and <c>GROUP BY 1</c> and the sizes in <c>numeric(10, 2)</c>
/// do not. Other statements, and text that does not parse (a fragment, a plan's filter, a cut-off
/// query), fall back to the lexer's numbers and strings. Dollar-quoted strings are never constants,
/// as before the parser decided: they hold function and DO bodies, which stay readable.
/// </summary>
internal static class ConstantSpans
{
    private const int Minus = '-';
    private const int OpenParenthesis = '(';

    /// <summary>The constants as ranges of <see cref="ScannedSql.Tokens"/> indexes (first and last token, comments between included), in order.</summary>
    public static IReadOnlyList<TokenRange> Find(ScannedSql scanned)
    {
        var tokens = scanned.Tokens;
        if (!tokens.Any(MayBeConstant))
        {
            return [];
        }

        var ranges = (scanned.TailStart == scanned.Text.Length && IsQuery(tokens) ? FromParser(scanned.Text, tokens) : null)
            ?? [.. tokens.Select((token, i) => (token, i)).Where(pair => pair.token.IsConstant).Select(pair => new TokenRange(pair.i, pair.i))];
        return [.. ranges.Where(range => !tokens[range.First].Text.StartsWith('$'))];
    }

    // pg_stat_statements normalizes only these; DDL and other utility statements it shows as written.
    // Their numbers and strings are still replaced, by the lexer's reading, so that a statement
    // normalized for redaction shows no values whatever its kind.
    private static bool IsQuery(IReadOnlyList<SqlScanToken> tokens) =>
        tokens.FirstOrDefault(token => !token.IsComment && token.Token != OpenParenthesis)?.Text.ToUpperInvariant()
            is "SELECT" or "INSERT" or "UPDATE" or "DELETE" or "MERGE" or "WITH" or "VALUES" or "TABLE";

    // Saves a parse for text with nothing to replace, such as pg_stat_statements' own, already normalized.
    private static bool MayBeConstant(SqlScanToken token) =>
        token.IsConstant || (token.Keyword == KeywordKind.Reserved && token.Text.ToUpperInvariant() is "TRUE" or "FALSE" or "NULL");

    // libpg_query's normalize changes nothing but constants, each into a $n, so the rest of the
    // text stays as it was, only shifted: an original token not found where it should be in the
    // normalized text is a constant (with its minus sign, when the parser took that in).
    private static List<TokenRange>? FromParser(string statement, IReadOnlyList<SqlScanToken> tokens)
    {
        string normalized;
        try
        {
            normalized = PgQuery.Normalize(statement);
        }
        catch (SqlParseException)
        {
            return null;
        }

        var ranges = new List<TokenRange>();
        var shift = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var at = tokens[i].Start + shift;
            if (at > normalized.Length)
            {
                return null;
            }

            if (normalized.AsSpan(at).StartsWith(tokens[i].Text, StringComparison.Ordinal))
            {
                continue;
            }

            var placeholder = PlaceholderLength(normalized, at);
            var last = tokens[i].Token == Minus ? NextNonComment(tokens, i) : i;
            if (placeholder == 0 || last < 0)
            {
                return null;
            }

            shift += placeholder - (tokens[last].Start + tokens[last].Length - tokens[i].Start);
            ranges.Add(new TokenRange(i, last));
            i = last;
        }

        return shift == normalized.Length - statement.Length ? ranges : null;
    }

    private static int PlaceholderLength(string text, int at)
    {
        if (at >= text.Length || text[at] != '$')
        {
            return 0;
        }

        var end = at + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - at - 1 > 0 ? end - at : 0;
    }

    private static int NextNonComment(IReadOnlyList<SqlScanToken> tokens, int i)
    {
        for (var j = i + 1; j < tokens.Count; j++)
        {
            if (!tokens[j].IsComment)
            {
                return j;
            }
        }

        return -1;
    }
}
