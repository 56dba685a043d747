using System.Text.Json;
using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// A migration script on the server's parser: the whole script at once, and when the grammar
/// refuses it, statement by statement, so that one statement PostgreSQL 15 cannot read costs only
/// itself (named, with its line, as not analysed).
/// </summary>
public static class ScriptParser
{
    public static (IReadOnlyList<ParsedStatement> Statements, IReadOnlyList<NotAnalysed> Refused) Parse(MigrationScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        try
        {
            return (Statements(script.Sql, 0), []);
        }
        catch (SqlParseException)
        {
            var statements = new List<ParsedStatement>();
            var refused = new List<NotAnalysed>();
            var from = 0;
            foreach (var text in SqlScript.Split(script.Sql))
            {
                var offset = Locate(script.Sql, text, from);
                from = offset;
                try
                {
                    statements.AddRange(Statements(text, offset));
                }
                catch (SqlParseException e)
                {
                    refused.Add(new NotAnalysed(script.Path, LineOf(script, offset), $"not parsed by PostgreSQL 15's grammar: {e.Message}"));
                }
            }

            return (statements, refused);
        }
    }

    /// <summary>The file's line a char offset of the script falls on.</summary>
    public static int LineOf(MigrationScript script, int offset)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.FirstLine + script.Sql.AsSpan(0, Math.Clamp(offset, 0, script.Sql.Length)).Count('\n');
    }

    /// <summary>The statements of text the grammar reads, offsets counted from <paramref name="baseOffset"/>.</summary>
    /// <exception cref="SqlParseException">The grammar refuses the text.</exception>
    internal static List<ParsedStatement> Statements(string sql, int baseOffset)
    {
        using var tree = PgQuery.Parse(sql);
        var text = new Utf8Text(sql);
        var statements = new List<ParsedStatement>();
        foreach (var entry in tree.RootElement.GetProperty("stmts").EnumerateArray())
        {
            var start = entry.TryGetProperty("stmt_location", out var location) ? location.GetInt32() : 0;
            // A length of 0 (or none) is the last statement's: it runs to the end of the text.
            var length = entry.TryGetProperty("stmt_len", out var bytes) && bytes.GetInt32() > 0 ? bytes.GetInt32() : text.Length - start;
            var (from, to) = (text.CharOffset(start), text.CharOffset(Math.Min(text.Length, start + length)));
            var statementText = sql[from..to];
            // The location points at the comments before the statement too: the statement starts at its first real token.
            var lead = PgQuery.Scan(statementText).FirstOrDefault(token => !token.IsComment)?.Start ?? 0;
            var node = entry.GetProperty("stmt").EnumerateObject().First();
            statements.Add(new ParsedStatement(node.Name, node.Value.Clone(), statementText[lead..].Trim(), baseOffset + from + lead));
        }

        return statements;
    }

    private static int Locate(string sql, string statement, int from)
    {
        var head = statement.TrimStart();
        head = head[..Math.Min(head.Length, 40)];
        var found = head.Length == 0 ? -1 : sql.IndexOf(head, from, StringComparison.Ordinal);
        return found < 0 ? from : found;
    }
}
