using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Integrity;

/// <summary>
/// A CHECK or foreign key added NOT VALID and never validated: new rows are checked, old ones
/// never were, and the planner cannot rely on the constraint.
/// </summary>
public sealed class ConstraintNotValidatedRule : ISchemaRule
{
    public string Id => "constraint-not-validated";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.KeysAndConstraints;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts) =>
        facts.Snapshot.Constraints.Where(c => !c.Validated).Select(Report);

    private Finding Report(ConstraintInfo constraint)
    {
        var table = SqlIdentifier.Qualify(constraint.Schema, constraint.Table);
        var name = SqlIdentifier.Quote(constraint.Name);
        return new Finding
        {
            RuleId = Id,
            Subject = $"{table}.{name}",
            Severity = Severity,
            Area = Area,
            Title = $"Constraint {name} on {table} was never validated",
            Rationale = "Rows that existed when the constraint was added NOT VALID were never checked, so the data may break it; " +
                "constraint exclusion and join removal also ignore unvalidated constraints. VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock.",
            Evidence =
            [
                new Evidence("constraint", constraint.Definition),
                new Evidence("pg_constraint.convalidated", "false"),
            ],
            Tables = [table],
            Remedy = new Remedy
            {
                Kind = ChangeKind.SchemaChange,
                Strategy = MigrationStrategy.OnlineDdl,
                Up = $"ALTER TABLE {table} VALIDATE CONSTRAINT {name};",
                // Validation cannot be switched off again; re-adding the constraint NOT VALID restores the prior state.
                Down = $"ALTER TABLE {table} DROP CONSTRAINT {name};\nALTER TABLE {table} ADD CONSTRAINT {name} {NotValid(constraint.Definition)};",
                PerformanceImpact = "One scan of the table (and a lookup per row for a foreign key) while reads and writes continue.",
                Testing = $"SELECT convalidated FROM pg_constraint WHERE conname = {SqlIdentifier.Literal(constraint.Name)} AND conrelid = {SqlIdentifier.Literal(table)}::regclass returns true; " +
                    "if VALIDATE fails, the error names the first offending row: fix the data and run it again.",
            },
        };
    }

    private static string NotValid(string definition) =>
        definition.EndsWith(" NOT VALID", StringComparison.Ordinal) ? definition : definition + " NOT VALID";
}
