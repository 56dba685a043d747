using System.Text.Json;

namespace DbArchitect.Postgres.Migrations;

/// <summary>The relations a statement creates (tables, views, materialized views, sequences), as <see cref="MigrationStatement.RelationName"/> writes them.</summary>
public static class CreatedRelations
{
    public static IReadOnlyList<string> Of(MigrationStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Of(statement.Type, statement.Node);
    }

    /// <param name="type">The parse tree node's type.</param>
    /// <param name="node">The node under its type.</param>
    public static IReadOnlyList<string> Of(string type, JsonElement node) => type switch
    {
        "CreateStmt" or "CreateForeignTableStmt" => [MigrationStatement.RelationName(node.GetProperty("relation"))],
        "CreateSeqStmt" => [MigrationStatement.RelationName(node.GetProperty("sequence"))],
        "ViewStmt" => [MigrationStatement.RelationName(node.GetProperty("view"))],
        "CreateTableAsStmt" => [MigrationStatement.RelationName(node.GetProperty("into").GetProperty("rel"))],
        _ => [],
    };
}
