using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>ADD UNIQUE or PRIMARY KEY on an existing table builds its index under ACCESS EXCLUSIVE; building it concurrently first and adding the constraint USING INDEX does not.</summary>
public sealed class UniqueWithoutIndexRule : IMigrationRule
{
    public string Id => "unique-without-concurrent-index";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var command in AlterCommands.Of(facts, "AT_AddConstraint"))
        {
            var table = AlterCommands.Table(facts);
            if (AlterCommands.AddedConstraint(command) is { } constraint && facts.IsExisting(table)
                && MigrationStatement.StringOf(constraint, "contype") is "CONSTR_UNIQUE" or "CONSTR_PRIMARY" && !constraint.TryGetProperty("indexname", out _))
            {
                var name = MigrationStatement.StringOf(constraint, "conname") ?? $"{table.Split('.')[^1]}_key";
                yield return MigrationFindings.Of(this, facts, $"{table} {name}", $"Unique constraint {name} on {table} builds its index under an exclusive lock",
                    "The constraint's index is built while ACCESS EXCLUSIVE is held: the table can neither be read nor written until it is done.",
                    LockModes.AccessExclusive,
                    $"CREATE UNIQUE INDEX CONCURRENTLY {name} ON {table} (…); outside a transaction, then ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE USING INDEX {name};", table);
            }
        }
    }
}
