using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>A foreign key or CHECK added to an existing table without NOT VALID is checked against every row under a lock that blocks writes.</summary>
public sealed class ConstraintWithoutNotValidRule : IMigrationRule
{
    public string Id => "constraint-without-not-valid";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var command in AlterCommands.Of(facts, "AT_AddConstraint"))
        {
            var table = AlterCommands.Table(facts);
            if (AlterCommands.AddedConstraint(command) is not { } constraint || !facts.IsExisting(table) || MigrationStatement.Flag(constraint, "skip_validation"))
            {
                continue;
            }

            var kind = MigrationStatement.StringOf(constraint, "contype");
            if (kind is "CONSTR_FOREIGN" or "CONSTR_CHECK")
            {
                var name = MigrationStatement.StringOf(constraint, "conname") ?? "the constraint";
                var foreign = kind == "CONSTR_FOREIGN";
                yield return MigrationFindings.Of(this, facts, $"{table} {name}", $"{(foreign ? "Foreign key" : "CHECK")} {name} on {table} added without NOT VALID",
                    foreign
                        ? "Adding the key scans the table to check every row while holding SHARE ROW EXCLUSIVE on it and on the referenced table: writes to both wait."
                        : "Adding the check scans the table under ACCESS EXCLUSIVE: reads and writes wait for the whole scan.",
                    foreign ? LockModes.ShareRowExclusive : LockModes.AccessExclusive,
                    $"ALTER TABLE {table} ADD CONSTRAINT {name} … NOT VALID; then, in a later migration, ALTER TABLE {table} VALIDATE CONSTRAINT {name}; (SHARE UPDATE EXCLUSIVE: reads and writes go on).", table);
            }
        }
    }
}
