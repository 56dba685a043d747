using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE unless a validated CHECK (column IS NOT NULL) proves it first.</summary>
public sealed class SetNotNullRule : IMigrationRule
{
    public string Id => "set-not-null-scan";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var command in AlterCommands.Of(facts, "AT_SetNotNull"))
        {
            var table = AlterCommands.Table(facts);
            var column = MigrationStatement.StringOf(command, "name") ?? "?";
            if (facts.IsExisting(table) && !facts.NotNullChecked.Contains($"{table}.{column}"))
            {
                yield return MigrationFindings.Of(this, facts, $"{table}.{column}", $"SET NOT NULL on {table}.{column} scans the table under an exclusive lock",
                    "PostgreSQL reads every row to prove no NULL is left while holding ACCESS EXCLUSIVE: the table is unavailable for the whole scan.",
                    LockModes.AccessExclusive,
                    $"ALTER TABLE {table} ADD CONSTRAINT {column}_not_null CHECK ({column} IS NOT NULL) NOT VALID; ALTER TABLE {table} VALIDATE CONSTRAINT {column}_not_null; " +
                    $"then ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL; (PostgreSQL 12+ uses the validated check and skips the scan) and drop the check.", table);
            }
        }
    }
}
