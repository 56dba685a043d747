using System.Text;

namespace DbArchitect.Benchmarks.Split.Baseline;

/// <summary>
/// The baseline: SqlScript.Split as it was before it read scripts with libpg_query's lexer, a
/// hand-written character loop, copied here unchanged (with the two SqlTokenizer helpers it called)
/// so that the split benchmark can time the old splitter against the new one in one run. Nothing
/// outside this benchmark uses it.
/// </summary>
internal static class HandWrittenSplitter
{
    public static IReadOnlyList<string> Split(string sql, bool skipPsqlMetaCommands = false)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var atomicDepth = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                i = SkipLineComment(sql, i);
                current.Append(' ');
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(sql, i);
                current.Append(' ');
            }
            else if (c == '\\' && skipPsqlMetaCommands && IsBlank(current))
            {
                i = SkipLineComment(sql, i);
            }
            else if (c == '\'')
            {
                i = CopyQuoted(sql, i, '\'', IsEscapeString(sql, i), current);
            }
            else if (c == '"')
            {
                i = CopyQuoted(sql, i, '"', backslashEscapes: false, current);
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                var stop = end < 0 ? sql.Length : end + tag.Length;
                current.Append(sql, i, stop - i);
                i = stop;
            }
            else if (IsWordStart(sql, i))
            {
                var start = i;
                while (i < sql.Length && IsWordChar(sql[i]))
                {
                    i++;
                }

                var word = sql[start..i];
                atomicDepth = TrackAtomicBody(current, word, atomicDepth);
                current.Append(word);
            }
            else if (c == ';' && atomicDepth == 0)
            {
                Add(statements, current);
                i++;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        Add(statements, current);
        return statements;
    }

    // BEGIN ATOMIC bodies (SQL-standard function bodies) contain semicolons of their own; like psql,
    // count BEGIN/CASE against END, but only inside CREATE FUNCTION / CREATE PROCEDURE.
    private static int TrackAtomicBody(StringBuilder current, string word, int depth)
    {
        if (depth == 0 && !word.Equals("BEGIN", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (depth == 0)
        {
            var head = current.ToString().TrimStart();
            var routine = head.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase)
                && (head.Contains("FUNCTION", StringComparison.OrdinalIgnoreCase) || head.Contains("PROCEDURE", StringComparison.OrdinalIgnoreCase));
            return routine ? 1 : 0;
        }

        if (word.Equals("BEGIN", StringComparison.OrdinalIgnoreCase) || word.Equals("CASE", StringComparison.OrdinalIgnoreCase))
        {
            return depth + 1;
        }

        return word.Equals("END", StringComparison.OrdinalIgnoreCase) ? depth - 1 : depth;
    }

    private static void Add(List<string> statements, StringBuilder current)
    {
        var statement = current.ToString().Trim();
        if (statement.Length > 0)
        {
            statements.Add(statement);
        }

        current.Clear();
    }

    private static bool IsBlank(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipLineComment(string sql, int i)
    {
        var end = sql.IndexOf('\n', i);
        return end < 0 ? sql.Length : end + 1;
    }

    // An unclosed block comment runs to the end of the text, as psql reads it.
    private static int SkipBlockComment(string sql, int i) =>
        BlockCommentEnd(sql, i) is var end and >= 0 ? end : sql.Length;

    private static int CopyQuoted(string sql, int i, char quote, bool backslashEscapes, StringBuilder current)
    {
        // An unclosed quote runs to the end of the text, as psql reads it.
        var end = QuotedEnd(sql, i, quote, backslashEscapes) is var closed and >= 0 ? closed : sql.Length;
        current.Append(sql, i, end - i);
        return end;
    }

    // E'…' strings treat backslash as an escape character, so \' does not end them.
    private static bool IsEscapeString(string sql, int quote) =>
        quote > 0 && sql[quote - 1] is 'e' or 'E' && (quote < 2 || !IsWordChar(sql[quote - 2]));

    private static string? DollarTag(string sql, int i)
    {
        if (i > 0 && IsWordChar(sql[i - 1]))
        {
            return null;
        }

        var j = i + 1;
        if (j < sql.Length && char.IsAsciiDigit(sql[j]))
        {
            return null;
        }

        while (j < sql.Length && sql[j] != '$' && (char.IsAsciiLetterOrDigit(sql[j]) || sql[j] == '_' || sql[j] > 127))
        {
            j++;
        }

        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }

    private static bool IsWordStart(string sql, int i) =>
        (char.IsAsciiLetter(sql[i]) || sql[i] == '_') && (i == 0 || !IsWordChar(sql[i - 1]));

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c > 127;

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
}
