using System.Text.Json;

namespace DbArchitect.Postgres.Migrations;

/// <summary>The sub-commands of an ALTER TABLE, each an <c>AlterTableCmd</c> node with its <c>subtype</c>.</summary>
public static class AlterCommands
{
    /// <summary>The ALTER TABLE's commands of the given subtypes (all when none are given); nothing for any other statement.</summary>
    public static IEnumerable<JsonElement> Of(MigrationStatement statement, params string[] subtypes)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement.Type != "AlterTableStmt")
        {
            return [];
        }

        return MigrationStatement.Items(statement.Node, "cmds")
            .Select(c => c.GetProperty("AlterTableCmd"))
            .Where(c => subtypes.Length == 0 || subtypes.Contains(c.GetProperty("subtype").GetString()));
    }

    /// <summary>The table an ALTER TABLE acts on.</summary>
    public static string Table(MigrationStatement statement) => MigrationStatement.RelationName(statement.Node.GetProperty("relation"));

    /// <summary>A constraint an ALTER TABLE … ADD CONSTRAINT adds.</summary>
    public static JsonElement? AddedConstraint(JsonElement command) =>
        command.TryGetProperty("def", out var def) && def.TryGetProperty("Constraint", out var constraint) ? constraint : null;
}
