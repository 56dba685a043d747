using System.Text.Json;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Tools.Grounding;

/// <summary>
/// The names a model's SQL uses and the objects it creates, read by the server's lexer and parser,
/// so a name in a string or a comment is not one. Names come as the server resolves them: a quoted
/// part as written, an unquoted one in lower case.
/// </summary>
internal static class NamesInSql
{
    /// <summary>Every dotted name of two or three parts (schema.relation, schema.relation.column) that is not part of a longer one.</summary>
    public static IEnumerable<IReadOnlyList<string>> Qualified(string sql)
    {
        var tokens = ScannedSql.Of(sql).Tokens.Where(token => !token.IsComment).ToList();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsName(tokens[i]) || (i > 0 && tokens[i - 1].Text == "."))
            {
                i++;
                continue;
            }

            var parts = new List<string> { tokens[i].Name };
            var next = i + 1;
            while (next + 1 < tokens.Count && tokens[next].Text == "." && IsName(tokens[next + 1]))
            {
                parts.Add(tokens[next + 1].Name);
                next += 2;
            }

            if (parts.Count is 2 or 3 && !(next < tokens.Count && tokens[next].Text == "."))
            {
                yield return parts;
            }

            i = next;
        }
    }

    /// <summary>The relations, indexes, sequences and types the SQL creates, each with its schema when the SQL says it.</summary>
    public static IEnumerable<(string? Schema, string Name)> Created(string sql)
    {
        foreach (var (type, node) in Statements(sql))
        {
            var created = type switch
            {
                "CreateStmt" or "CreateForeignTableStmt" => Relation(node.TryGetProperty("relation", out var relation) ? relation : node.GetProperty("base").GetProperty("relation")),
                "IndexStmt" when node.TryGetProperty("idxname", out var index) => (Schema(node.GetProperty("relation")), index.GetString() ?? ""),
                "ViewStmt" => Relation(node.GetProperty("view")),
                "CreateTableAsStmt" => Relation(node.GetProperty("into").GetProperty("rel")),
                "CreateSeqStmt" => Relation(node.GetProperty("sequence")),
                "CompositeTypeStmt" => Relation(node.GetProperty("typevar")),
                "CreateEnumStmt" or "CreateRangeStmt" => TypeName(node.GetProperty("typeName")),
                _ => ((string?, string)?)null,
            };
            if (created is { } name)
            {
                yield return name;
            }
        }
    }

    /// <summary>The columns the SQL adds with <c>ALTER TABLE … ADD COLUMN</c>.</summary>
    public static IEnumerable<(string? Schema, string Table, string Column)> AddedColumns(string sql)
    {
        foreach (var (type, node) in Statements(sql))
        {
            if (type != "AlterTableStmt")
            {
                continue;
            }

            var (schema, table) = Relation(node.GetProperty("relation"));
            foreach (var command in node.GetProperty("cmds").EnumerateArray().Select(c => c.GetProperty("AlterTableCmd")))
            {
                if (command.GetProperty("subtype").GetString() == "AT_AddColumn" && command.GetProperty("def").TryGetProperty("ColumnDef", out var column))
                {
                    yield return (schema, table, column.GetProperty("colname").GetString() ?? "");
                }
            }
        }
    }

    // Each statement on its own: one the grammar refuses costs only itself.
    private static IEnumerable<(string Type, JsonElement Node)> Statements(string sql)
    {
        foreach (var statement in SqlScript.Split(sql))
        {
            using var tree = PgQuery.TryParse(statement);
            if (tree is not null && StatementNode.Single(tree) is { } node)
            {
                yield return (node.Name, node.Value);
            }
        }
    }

    private static (string? Schema, string Name) Relation(JsonElement rangeVar) => (Schema(rangeVar), rangeVar.GetProperty("relname").GetString() ?? "");

    private static string? Schema(JsonElement rangeVar) => rangeVar.TryGetProperty("schemaname", out var schema) ? schema.GetString() : null;

    private static (string? Schema, string Name) TypeName(JsonElement names)
    {
        var parts = ParseTreeNodes.Strings(names);
        return parts.Count >= 2 ? (parts[^2], parts[^1]) : (null, parts[^1]);
    }

    private static bool IsName(SqlScanToken token) => token.Token == SqlScanToken.Identifier || token.Keyword != KeywordKind.None;
}
