using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>ALTER COLUMN … TYPE on an existing table: most changes rewrite the table and its indexes under ACCESS EXCLUSIVE, and the running application may not read the new type.</summary>
public sealed class ColumnTypeChangeRule : IMigrationRule
{
    public string Id => "column-type-change";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var command in AlterCommands.Of(facts, "AT_AlterColumnType"))
        {
            var table = AlterCommands.Table(facts);
            var column = MigrationStatement.StringOf(command, "name") ?? "?";
            if (facts.IsExisting(table))
            {
                yield return MigrationFindings.Of(this, facts, $"{table}.{column}", $"Type of {table}.{column} changed in place",
                    "Unless the new type is binary-compatible (varchar to text, a longer varchar), PostgreSQL rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE; application code reading the old type breaks mid-deploy.",
                    LockModes.AccessExclusive,
                    $"Expand and contract: add {column}_new of the new type; keep it in step with a trigger; backfill in batches; switch the application to it; then drop {column} and rename {column}_new, each step its own reversible migration.", table);
            }
        }
    }
}
