using System.Text.Json;

namespace DbArchitect.Postgres.Migrations;

/// <summary>The columns a statement defines (CREATE TABLE, ALTER TABLE … ADD COLUMN), with their table and type as the parser reads them.</summary>
public static class ColumnDefinitions
{
    public sealed record Column(string Table, string Name, string Type, bool HasTypeModifier, JsonElement Definition);

    public static IEnumerable<Column> Of(MigrationStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement.Type == "CreateStmt")
        {
            var table = MigrationStatement.RelationName(statement.Node.GetProperty("relation"));
            foreach (var element in MigrationStatement.Items(statement.Node, "tableElts"))
            {
                if (element.TryGetProperty("ColumnDef", out var column))
                {
                    yield return Read(table, column);
                }
            }
        }
        else if (statement.Type == "AlterTableStmt")
        {
            var table = MigrationStatement.RelationName(statement.Node.GetProperty("relation"));
            foreach (var command in AlterCommands.Of(statement, "AT_AddColumn"))
            {
                if (command.TryGetProperty("def", out var def) && def.TryGetProperty("ColumnDef", out var column))
                {
                    yield return Read(table, column);
                }
            }
        }
    }

    /// <summary>The constraints written on the column itself (DEFAULT, NOT NULL, REFERENCES…).</summary>
    public static IEnumerable<JsonElement> Constraints(Column column) =>
        MigrationStatement.Items(column.Definition, "constraints").Select(c => c.GetProperty("Constraint"));

    private static Column Read(string table, JsonElement column)
    {
        var typeName = column.GetProperty("typeName");
        var type = MigrationStatement.Items(typeName, "names").Last().GetProperty("String").GetProperty("sval").GetString()!;
        return new Column(table, column.GetProperty("colname").GetString()!, type, typeName.TryGetProperty("typmods", out _), column);
    }
}
