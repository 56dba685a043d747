using System.Text.Json;

namespace DbArchitect.Postgres.Parsing;

/// <summary>What kind of statement a text is, by the node the server's parser makes of it.</summary>
public static class StatementNode
{
    /// <summary>
    /// The parse tree node of a single statement (<c>SelectStmt</c>, <c>CreateExtensionStmt</c>…)
    /// and the kind of object it acts on where it names one (<c>OBJECT_EXTENSION</c> for
    /// <c>COMMENT ON EXTENSION</c>); null for text that does not parse or holds more than one statement.
    /// </summary>
    public static (string Node, string? ObjectType)? Of(string sql)
    {
        using var tree = PgQuery.TryParse(sql);
        return tree is not null && Single(tree) is { } node
            ? (node.Name, node.Value.TryGetProperty("objtype", out var objectType) ? objectType.GetString() : null)
            : null;
    }

    /// <summary>The statement node of a parse tree that holds exactly one statement, under its type's name; null otherwise.</summary>
    public static JsonProperty? Single(JsonDocument tree) =>
        tree.RootElement.GetProperty("stmts") is { ValueKind: JsonValueKind.Array } statements && statements.GetArrayLength() == 1
            ? statements[0].GetProperty("stmt").EnumerateObject().First()
            : null;
}
