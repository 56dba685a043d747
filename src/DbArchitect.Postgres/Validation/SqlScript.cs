using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// Splits SQL text into statements the way psql does, on the tokens of the server's own lexer
/// (libpg_query): semicolons end a statement except inside quotes, dollar quotes, comments,
/// parentheses and <c>BEGIN ATOMIC … END</c> bodies. Comments are blanked out so that callers can
/// recognise a statement by its first words. It never fails on text the grammar does not know, and
/// an unterminated quote or comment runs to the end of the text, as psql reads it.
/// </summary>
/// <remarks>
/// Not libpg_query's own splitters: with the scanner it cuts BEGIN ATOMIC bodies at their
/// semicolons, drops statements that hold no keyword and fails on an unterminated quote; with the
/// parser it fails on any statement PostgreSQL 15's grammar does not know.
/// </remarks>
public static class SqlScript
{
    /// <param name="sql">The script.</param>
    /// <param name="skipPsqlMetaCommands">
    /// The script is psql input to replay on a server: drop lines that start with a backslash between
    /// statements (<c>\connect</c>, <c>\restrict</c>, …), which are psql's and the server must never
    /// see, and drop each <c>COPY … FROM stdin</c>, which psql feeds with the data lines after it.
    /// Those data lines, up to the line <c>\.</c>, are never SQL and are skipped either way.
    /// </param>
    /// <exception cref="Core.Failures.DbArchitectException">libpg_query is not installed.</exception>
    public static IReadOnlyList<string> Split(string sql, bool skipPsqlMetaCommands = false)
    {
        var input = new Utf8Text(sql);
        using var scanner = new ScriptScanner(input);
        var statement = new StatementUnderway(input);
        var statements = new List<string>();
        while (scanner.TryNext(out var token))
        {
            if (token.Token == '\\' && skipPsqlMetaCommands && !statement.Started)
            {
                scanner.SkipTo(LineAfter(input, token.Start));
            }
            else if (token.Token == ';' && statement.Closable)
            {
                if (!statement.Started)
                {
                    continue;
                }

                var copiesFromStdin = statement.CopiesFromStdin;
                var text = statement.Finish(token.Start);
                if (!(copiesFromStdin && skipPsqlMetaCommands))
                {
                    statements.Add(text);
                }

                if (copiesFromStdin)
                {
                    scanner.SkipTo(CopyDataEnd(input, LineAfter(input, token.End)));
                }
            }
            else
            {
                statement.Add(token);
            }
        }

        if (statement.Started && statement.Finish(input.Length) is { Length: > 0 } last)
        {
            statements.Add(last);
        }

        return statements;
    }

    /// <summary>The statement on one line, cut to a length fit for an error message.</summary>
    public static string Excerpt(string statement, int length = 120)
    {
        var flat = string.Join(' ', statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }

    // Byte offset of the start of the line after the one holding byteOffset, or the end of the text.
    private static int LineAfter(Utf8Text input, int byteOffset)
    {
        var newline = input.Bytes.AsSpan(byteOffset, input.Length - byteOffset).IndexOf((byte)'\n');
        return newline < 0 ? input.Length : byteOffset + newline + 1;
    }

    // COPY data runs from the line after the statement to the line "\." (psql's end-of-data marker), or to the end.
    private static int CopyDataEnd(Utf8Text input, int dataStart)
    {
        var line = dataStart;
        while (line < input.Length)
        {
            var next = LineAfter(input, line);
            var content = input.Bytes.AsSpan(line, next - line).TrimEnd("\r\n"u8);
            if (content.SequenceEqual(@"\."u8))
            {
                return next;
            }

            line = next;
        }

        return input.Length;
    }
}
