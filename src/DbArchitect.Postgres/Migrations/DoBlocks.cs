using System.Text.Json;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// The SQL inside a <c>DO</c> block, read by the server's PL/pgSQL compiler (libpg_query): each
/// embedded statement on its own line, so the lint rules see an index or a constraint a migration
/// hides in <c>DO $$ BEGIN IF … THEN … END IF; END $$</c>. <c>EXECUTE</c> of a string built when the
/// block runs is named as not analysed.
/// </summary>
public static class DoBlocks
{
    private const string Quote = "$dbarch_do$";

    /// <param name="block">A <c>DoStmt</c> of the migration.</param>
    /// <param name="line">The file's line the DO statement starts on.</param>
    /// <returns>The embedded statements with the line each starts on, and what could not be read, with its line.</returns>
    public static (IReadOnlyList<(ParsedStatement Statement, int Line)> Statements, IReadOnlyList<(int Line, string Reason)> Unread) Read(ParsedStatement block, int line)
    {
        ArgumentNullException.ThrowIfNull(block);
        var options = MigrationStatement.Items(block.Node, "args").Select(a => a.GetProperty("DefElem")).ToList();
        string? Option(string name) => options.Where(o => o.GetProperty("defname").GetString() == name)
            .Select(o => o.GetProperty("arg").GetProperty("String").GetProperty("sval").GetString()).FirstOrDefault();
        var language = Option("language") ?? "plpgsql";
        var body = Option("as") ?? "";
        if (language != "plpgsql" || body.Contains(Quote, StringComparison.Ordinal))
        {
            return ([], [(line, $"DO block in {language}: its body is not analysed")]);
        }

        // The body's first line, counted in the file: lines of the DO statement before its body.
        var bodyLine = line + block.Text.AsSpan(0, Math.Max(0, block.Text.IndexOf(body, StringComparison.Ordinal))).Count('\n');
        JsonDocument tree;
        try
        {
            tree = PgQuery.ParsePlpgsql($"CREATE FUNCTION dbarch_do() RETURNS void LANGUAGE plpgsql AS {Quote}{body}{Quote}");
        }
        catch (SqlParseException e)
        {
            return ([], [(line, $"DO block the PL/pgSQL compiler refuses: {e.Message}")]);
        }

        using (tree)
        {
            var statements = new List<(ParsedStatement, int)>();
            var unread = new List<(int, string)>();
            foreach (var (type, node) in ParseTreeNodes.OfTypes(tree.RootElement, "PLpgSQL_stmt_execsql", "PLpgSQL_stmt_dynexecute"))
            {
                var at = bodyLine + (node.TryGetProperty("lineno", out var lineno) ? lineno.GetInt32() - 1 : 0);
                if (type == "PLpgSQL_stmt_dynexecute")
                {
                    unread.Add((at, "EXECUTE in a DO block: SQL built when the block runs"));
                    continue;
                }

                var query = node.GetProperty("sqlstmt").GetProperty("PLpgSQL_expr").GetProperty("query").GetString() ?? "";
                try
                {
                    statements.AddRange(ScriptParser.Statements(query, block.Offset).Select(statement => (statement, at)));
                }
                catch (SqlParseException e)
                {
                    unread.Add((at, $"a statement in a DO block not parsed: {e.Message}"));
                }
            }

            return (statements, unread);
        }
    }
}
