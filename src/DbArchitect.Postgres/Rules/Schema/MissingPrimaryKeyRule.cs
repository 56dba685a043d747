using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Schema;

/// <summary>
/// A table without a primary key cannot be referenced safely, replicated logically (UPDATE and
/// DELETE need a replica identity) or deduplicated. The remedy promotes an existing unique index
/// when there is one, else an existing <c>id</c> column, else adds a bigint identity column. A
/// partitioned table is reported too, without a remedy: its key must contain the partition key,
/// and which columns make rows unique there is a person's decision.
/// </summary>
public sealed class MissingPrimaryKeyRule : ISchemaRule
{
    public string Id => "missing-primary-key";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.High;
    public QaStatement QaStatements => QaStatement.KeysAndConstraints;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables.Where(t => lookup.PrimaryKeyOf(t) is null))
        {
            var partitioned = table.Kind == TableKind.PartitionedTable;
            var columns = lookup.ColumnsOf(table).ToList();
            var uniqueIndex = lookup.IndexesOf(table)
                .Where(i => i.IsUnique && i.IsValid && i.Predicate is null && !i.HasExpressions && i.KeyColumns.Count > 0)
                .FirstOrDefault(i => i.KeyColumns.All(k => columns.Any(c => c.Name == k && c.NotNull)));
            yield return new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"Table {table.QualifiedName} has no primary key",
                Rationale = "Without a primary key rows cannot be addressed reliably: duplicates creep in, foreign keys cannot point at the table, and logical replication cannot replicate its updates and deletes."
                    + (partitioned ? " On a partitioned table the key must include the partition key columns, so no key is proposed: choose the columns that identify a row, with the partition key among them." : ""),
                Evidence =
                [
                    new Evidence("estimated rows", MeasureText.Count(Math.Max(0, table.EstimatedRows))),
                    new Evidence("columns", MeasureText.Count(columns.Count)),
                    new Evidence("unique NOT NULL index that could become the key", uniqueIndex?.Name ?? "none"),
                ],
                Tables = [table.QualifiedName],
                Remedy = partitioned ? null
                    : uniqueIndex is not null ? PromoteIndex(table, uniqueIndex)
                    : columns.FirstOrDefault(c => c.Name == "id") is { } id ? PromoteColumn(table, id)
                    : AddIdentity(table, columns),
            };
        }
    }

    private static Remedy PromoteIndex(TableInfo table, IndexInfo index) => new()
    {
        Kind = ChangeKind.SchemaChange,
        Strategy = MigrationStrategy.Standard,
        Up = $"ALTER TABLE {table.QualifiedName} ADD CONSTRAINT {SqlIdentifier.Quote(index.Name)} PRIMARY KEY USING INDEX {SqlIdentifier.Quote(index.Name)};",
        Down = $"""
            ALTER TABLE {table.QualifiedName} DROP CONSTRAINT {SqlIdentifier.Quote(index.Name)};
            {IndexStatements.Create(index, online: true)}
            """,
        PerformanceImpact = "Metadata change only: the existing unique index becomes the primary key without a rebuild.",
        Testing = $"Check that \\d {table.QualifiedName} shows the primary key and that inserts of duplicate keys are rejected.",
    };

    private static Remedy PromoteColumn(TableInfo table, ColumnInfo id)
    {
        var name = ObjectNames.Derive(table.Name, "pkey");
        var check = ObjectNames.Derive(table.Name, id.Name, "not_null");
        var column = SqlIdentifier.Quote(id.Name);
        var index = new IndexCandidate { Schema = table.Schema, Table = table.Name, Name = name, Keys = [column], Unique = true };
        var setNotNull = id.NotNull ? "" : $"""

            ALTER TABLE {table.QualifiedName} ADD CONSTRAINT {SqlIdentifier.Quote(check)} CHECK ({column} IS NOT NULL) NOT VALID;
            ALTER TABLE {table.QualifiedName} VALIDATE CONSTRAINT {SqlIdentifier.Quote(check)};
            ALTER TABLE {table.QualifiedName} ALTER COLUMN {column} SET NOT NULL;
            ALTER TABLE {table.QualifiedName} DROP CONSTRAINT {SqlIdentifier.Quote(check)};
            """;
        var dropNotNull = id.NotNull ? "" : $"\nALTER TABLE {table.QualifiedName} ALTER COLUMN {column} DROP NOT NULL;";
        return new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = $"""
                {index.CreateStatement}{setNotNull}
                ALTER TABLE {table.QualifiedName} ADD CONSTRAINT {SqlIdentifier.Quote(name)} PRIMARY KEY USING INDEX {SqlIdentifier.Quote(name)};
                """,
            Down = $"ALTER TABLE {table.QualifiedName} DROP CONSTRAINT {SqlIdentifier.Quote(name)};{dropNotNull}",
            Creates = [index.QualifiedName],
            PerformanceImpact = "The unique index is built concurrently; the NOT NULL proof uses a NOT VALID check so no long exclusive lock is held.",
            Testing = $"Before running, SELECT {column}, count(*) FROM {table.QualifiedName} GROUP BY 1 HAVING count(*) > 1 must return no rows; afterwards \\d shows the primary key.",
        };
    }

    private static Remedy AddIdentity(TableInfo table, IReadOnlyList<ColumnInfo> columns)
    {
        var columnName = columns.Any(c => c.Name == "id") ? ObjectNames.Derive(table.Name, "id") : "id";
        var name = ObjectNames.Derive(table.Name, "pkey");
        return new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = MigrationStrategy.TableRewrite,
            Up = $"ALTER TABLE {table.QualifiedName} ADD COLUMN {SqlIdentifier.Quote(columnName)} bigint GENERATED BY DEFAULT AS IDENTITY CONSTRAINT {SqlIdentifier.Quote(name)} PRIMARY KEY;",
            Down = $"ALTER TABLE {table.QualifiedName} DROP COLUMN {SqlIdentifier.Quote(columnName)};",
            Creates =
            [
                ObjectNames.QualifiedColumn(table.Schema, table.Name, columnName),
                SqlIdentifier.Qualify(table.Schema, name),
            ],
            PerformanceImpact = $"Adding an identity column rewrites the table ({MeasureText.Bytes(table.TableBytes)}) and its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the copy. Schedule a maintenance window, or add a nullable bigint column, fill it in batches from a sequence, build its unique index concurrently and promote it.",
            Testing = $"\\d {table.QualifiedName} shows the primary key; SELECT count(*) = count(DISTINCT {SqlIdentifier.Quote(columnName)}) holds.",
        };
    }
}
