namespace DbArchitect.Postgres.Sql;

/// <summary>
/// Splits one SQL statement into the tokens a reader of its structure needs, with comments dropped
/// and strings, quoted identifiers and dollar-quoted bodies kept whole, so that a keyword inside
/// any of them is never mistaken for the statement's own.
/// </summary>
internal static class SqlTokenizer
{
    /// <returns>The tokens, or null when a string, quoted identifier or comment is never closed.</returns>
    public static IReadOnlyList<SqlToken>? Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var depth = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            int end;
            SqlTokenKind kind;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '-' && next == '-')
            {
                var newline = sql.IndexOf('\n', i);
                i = newline < 0 ? sql.Length : newline + 1;
                continue;
            }

            if (c == '/' && next == '*')
            {
                end = BlockCommentEnd(sql, i);
                if (end < 0)
                {
                    return null;
                }

                i = end;
                continue;
            }

            if (c == '\'')
            {
                (kind, end) = (SqlTokenKind.StringLiteral, QuotedEnd(sql, i, '\'', backslashEscapes: false));
            }
            else if (c == '"')
            {
                (kind, end) = (SqlTokenKind.QuotedIdentifier, QuotedEnd(sql, i, '"', backslashEscapes: false));
            }
            else if (c == '$' && char.IsAsciiDigit(next))
            {
                (kind, end) = (SqlTokenKind.Placeholder, WhileEnd(sql, i + 1, char.IsAsciiDigit));
            }
            else if (c == '$')
            {
                (kind, end) = DollarQuoted(sql, i);
            }
            else if (char.IsAsciiLetter(c) || c == '_' || c > 127)
            {
                end = WhileEnd(sql, i, IsWordChar);
                kind = SqlTokenKind.Word;

                // A one-letter prefix glued to a quote makes a string: E'…' (backslash escapes), B'…', X'…', N'…'.
                if (end - i == 1 && end < sql.Length && sql[end] == '\'' && c is 'e' or 'E' or 'b' or 'B' or 'x' or 'X' or 'n' or 'N')
                {
                    (kind, end) = (SqlTokenKind.StringLiteral, QuotedEnd(sql, end, '\'', backslashEscapes: c is 'e' or 'E'));
                }
            }
            else if (char.IsAsciiDigit(c) || c == '.' && char.IsAsciiDigit(next))
            {
                (kind, end) = (SqlTokenKind.Number, WhileEnd(sql, i, ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_'));
            }
            else
            {
                (kind, end) = c switch
                {
                    '(' => (SqlTokenKind.OpenParenthesis, i + 1),
                    ')' => (SqlTokenKind.CloseParenthesis, i + 1),
                    ';' => (SqlTokenKind.Semicolon, i + 1),
                    _ => (SqlTokenKind.Symbol, i + 1),
                };
            }

            if (end < 0)
            {
                return null;
            }

            if (kind == SqlTokenKind.CloseParenthesis)
            {
                depth--;
            }

            tokens.Add(new SqlToken(kind, sql[i..end], i, depth));
            if (kind == SqlTokenKind.OpenParenthesis)
            {
                depth++;
            }

            i = end;
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 127;

    private static int WhileEnd(string sql, int i, Func<char, bool> belongs)
    {
        while (i < sql.Length && belongs(sql[i]))
        {
            i++;
        }

        return i;
    }

    // Returns the offset after the closing quote, or -1 when there is none; a doubled quote is one character.
    private static int QuotedEnd(string sql, int open, char quote, bool backslashEscapes)
    {
        var i = open + 1;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote && i + 1 < sql.Length && sql[i + 1] == quote)
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    // Block comments nest in PostgreSQL.
    private static int BlockCommentEnd(string sql, int open)
    {
        var depth = 0;
        var i = open;
        while (i + 1 < sql.Length)
        {
            if (sql[i] == '/' && sql[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && sql[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    // $tag$ … $tag$ (or $$ … $$); a lone $ is an operator character.
    private static (SqlTokenKind Kind, int End) DollarQuoted(string sql, int open)
    {
        var tagEnd = WhileEnd(sql, open + 1, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_' || ch > 127);
        if (tagEnd >= sql.Length || sql[tagEnd] != '$')
        {
            return (SqlTokenKind.Symbol, open + 1);
        }

        var tag = sql[open..(tagEnd + 1)];
        var close = sql.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
        return (SqlTokenKind.StringLiteral, close < 0 ? -1 : close + tag.Length);
    }
}
