using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// Which tokens of a statement are its constants. When the statement parses, the server's parser
/// decides, through libpg_query's normalize (pg_stat_statements' algorithm on the raw parse tree):
/// <c>-1</c> is one constant where <c>a - 1</c> is an operator and a constant, and <c>true</c>,
/// <c>null</c> and dollar-quoted strings count; the sizes in <c>numeric(10, 2)</c> do not. Text it
/// does not parse (a fragment, a plan's filter, a cut-off query) falls back to the lexer's numbers and strings.
/// </summary>
internal static class ConstantSpans
{
    private const int Minus = '-';

    /// <summary>The constants as ranges of <see cref="ScannedSql.Tokens"/> indexes (first and last token, comments between included), in order.</summary>
    public static IReadOnlyList<TokenRange> Find(ScannedSql scanned)
    {
        var tokens = scanned.Tokens;
        if (!tokens.Any(MayBeConstant))
        {
            return [];
        }

        return (scanned.TailStart == scanned.Text.Length ? FromParser(scanned.Text, tokens) : null)
            ?? [.. tokens.Select((token, i) => (token, i)).Where(pair => pair.token.IsConstant).Select(pair => new TokenRange(pair.i, pair.i))];
    }

    // Saves a parse for text with nothing to replace, such as pg_stat_statements' own, already normalized.
    private static bool MayBeConstant(SqlScanToken token) =>
        token.IsConstant || (token.Keyword == KeywordKind.Reserved && token.Text.ToUpperInvariant() is "TRUE" or "FALSE" or "NULL");

    // libpg_query's normalize changes nothing but constants, each into a $n: walking its tokens
    // beside the original's, each $n where the original has something else stands for that.
    private static List<TokenRange>? FromParser(string statement, IReadOnlyList<SqlScanToken> tokens)
    {
        IReadOnlyList<SqlScanToken> normalized;
        try
        {
            normalized = PgQuery.Scan(PgQuery.Normalize(statement));
        }
        catch (SqlParseException)
        {
            return null;
        }

        var ranges = new List<TokenRange>();
        var i = 0;
        foreach (var token in normalized)
        {
            if (i >= tokens.Count)
            {
                return null;
            }

            if (token.Token == tokens[i].Token && token.Text == tokens[i].Text)
            {
                i++;
                continue;
            }

            if (token.Token != SqlScanToken.Param)
            {
                return null;
            }

            var last = tokens[i].Token == Minus ? NextNonComment(tokens, i) : i;
            if (last < 0)
            {
                return null;
            }

            ranges.Add(new TokenRange(i, last));
            i = last + 1;
        }

        return i == tokens.Count ? ranges : null;
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
