using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>Dropping a column or table of an existing table loses its data and breaks application code that still reads it.</summary>
public sealed class DropColumnOrTableRule : IMigrationRule
{
    public string Id => "drop-loses-data";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var command in AlterCommands.Of(facts, "AT_DropColumn"))
        {
            var table = AlterCommands.Table(facts);
            var column = MigrationStatement.StringOf(command, "name") ?? "?";
            if (facts.IsExisting(table))
            {
                yield return MigrationFindings.Of(this, facts, $"{table}.{column}", $"Column {table}.{column} dropped",
                    "The column's values are gone once this commits (a down can re-add the column, not its data), and instances of the application that still select it fail.",
                    LockModes.AccessExclusive,
                    $"Stop reading and writing {column} in a release first; keep a copy (CREATE TABLE {table}_{column}_backup AS SELECT <key>, {column} FROM {table}) so the down can restore it; then drop it.", table);
            }
        }

        if (facts.Type == "DropStmt" && MigrationStatement.StringOf(facts.Node, "removeType") == "OBJECT_TABLE")
        {
            foreach (var table in DroppedNames.Of(facts).Where(facts.IsExisting))
            {
                yield return MigrationFindings.Of(this, facts, table, $"Table {table} dropped",
                    "Its rows are gone once this commits, and no down can bring them back unless they were kept.",
                    LockModes.AccessExclusive,
                    $"Rename it aside first (ALTER TABLE {table} RENAME TO {table.Split('.')[^1]}_retired) and drop it in a later release, once nothing has used it; or keep a dump for the down.");
            }
        }
    }
}
