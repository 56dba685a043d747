using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Integrity;

/// <summary>
/// A nullable foreign-key column on a large table whose statistics show no NULLs: the relationship
/// is mandatory in practice, so the schema should say so.
/// </summary>
public sealed class NullableForeignKeyColumnRule : ISchemaRule
{
    public string Id => "fk-column-nullable";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.KeysAndConstraints;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var tables = facts.Snapshot.Tables.ToDictionary(t => t.Oid);
        var columns = facts.Snapshot.Columns.ToDictionary(c => (c.TableOid, c.Name));
        var nullFractions = facts.Snapshot.ColumnStatistics.ToDictionary(s => (s.Schema, s.Table, s.Column), s => s.NullFraction);
        var reported = new HashSet<(uint, string)>();

        foreach (var foreignKey in facts.Snapshot.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey))
        {
            if (!tables.TryGetValue(foreignKey.TableOid, out var table) || table.IsPartition || table.EstimatedRows < facts.Options.LargeTableRows)
            {
                continue;
            }

            foreach (var name in foreignKey.Columns)
            {
                if (columns.TryGetValue((table.Oid, name), out var column) && !column.NotNull
                    && nullFractions.TryGetValue((table.Schema, table.Name, name), out var nullFraction) && nullFraction == 0
                    && reported.Add((table.Oid, name)))
                {
                    yield return Report(table, column, foreignKey);
                }
            }
        }
    }

    private Finding Report(TableInfo table, ColumnInfo column, ConstraintInfo foreignKey)
    {
        var columnName = SqlIdentifier.Quote(column.Name);
        var check = SqlIdentifier.Quote(Truncate($"{table.Name}_{column.Name}_not_null"));
        return new Finding
        {
            RuleId = Id,
            Subject = $"{table.QualifiedName}.{columnName}",
            Severity = Severity,
            Area = Area,
            Title = $"Foreign-key column {table.QualifiedName}.{columnName} allows NULL but holds none",
            Rationale = "A nullable foreign key means \"this row may have no parent\". The statistics sample holds no NULLs, so the " +
                "relationship looks mandatory; NOT NULL documents that, stops orphans-by-NULL and helps the planner.",
            Evidence =
            [
                new Evidence("null fraction (pg_stats)", "0"),
                new Evidence("estimated rows", MeasureText.Count(table.EstimatedRows)),
                new Evidence("foreign key", $"{SqlIdentifier.Quote(foreignKey.Name)} {foreignKey.Definition}"),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.SchemaChange,
                Strategy = MigrationStrategy.OnlineDdl,

                // A validated CHECK (col IS NOT NULL) lets SET NOT NULL skip its full-table scan under the exclusive lock.
                Up = $"""
                    ALTER TABLE {table.QualifiedName} ADD CONSTRAINT {check} CHECK ({columnName} IS NOT NULL) NOT VALID;
                    ALTER TABLE {table.QualifiedName} VALIDATE CONSTRAINT {check};
                    ALTER TABLE {table.QualifiedName} ALTER COLUMN {columnName} SET NOT NULL;
                    ALTER TABLE {table.QualifiedName} DROP CONSTRAINT {check};
                    """,
                Down = $"ALTER TABLE {table.QualifiedName} ALTER COLUMN {columnName} DROP NOT NULL;",
                PerformanceImpact = "One validating scan without blocking writes; SET NOT NULL then needs only a brief exclusive lock.",
                Testing = $"Before: SELECT count(*) FROM {table.QualifiedName} WHERE {columnName} IS NULL returns 0 (statistics are a sample). " +
                    $"After: an INSERT with {columnName} NULL fails with a not-null violation.",
            },
        };
    }

    private static string Truncate(string name) =>
        System.Text.Encoding.UTF8.GetByteCount(name) <= 63 ? name : Truncate(name[..^1]);
}
