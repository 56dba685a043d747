using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Design;

/// <summary>
/// A very large, append-mostly table ordered by time is the textbook case for range partitioning:
/// queries on recent data touch one partition, vacuum works per partition, and old data is dropped
/// by detaching a partition instead of a DELETE that bloats the table.
/// </summary>
public sealed class RangePartitioningCandidateRule : ISchemaRule
{
    /// <summary>Partitioning pays off at this multiple of <see cref="RuleOptions.LargeTableRows"/>; below it BRIN is enough.</summary>
    public const int PartitionFactor = 10;

    private const int MonthsAhead = 3;

    public string Id => "range-partitioning-candidate";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var threshold = facts.Options.LargeTableRows * (double)PartitionFactor;
        foreach (var table in lookup.DesignTables.Where(t => t.Kind == TableKind.Table && t.EstimatedRows >= threshold && TimeOrderedTables.IsAppendMostly(t)))
        {
            if (TimeOrderedTables.TimeColumn(lookup, table) is not var (column, correlation))
            {
                continue;
            }

            var boundary = new DateTime(facts.Now.Year, facts.Now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            yield return new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"{table.QualifiedName} is a large append-mostly table ordered by {column.Name}: range-partition it",
                Rationale = $"With {MeasureText.Count(table.EstimatedRows)} rows arriving in {column.Name} order and rarely changed, monthly range partitions keep recent data and its indexes small, let vacuum work per partition, and make retention a DETACH/DROP instead of a bloating DELETE.",
                Evidence =
                [
                    new Evidence("estimated rows", MeasureText.Count(table.EstimatedRows)),
                    new Evidence("total size", MeasureText.Bytes(table.TotalBytes)),
                    new Evidence("inserts / updates / deletes since stats reset", $"{MeasureText.Count(table.Inserts)} / {MeasureText.Count(table.Updates)} / {MeasureText.Count(table.Deletes)}"),
                    new Evidence($"correlation of {column.Name} with row order", MeasureText.Decimal(correlation)),
                    new Evidence("partition key", $"RANGE ({column.Name}), monthly"),
                ],
                Tables = [table.QualifiedName],
                Remedy = Plan(lookup, table, column, boundary),
            };
        }
    }

    private static Remedy Plan(CatalogLookup lookup, TableInfo table, ColumnInfo column, DateTime boundary)
    {
        var schema = table.Schema;
        var staging = ObjectNames.Derive(table.Name, "partitioned");
        var history = ObjectNames.Derive(table.Name, "history");
        var check = SqlIdentifier.Quote(ObjectNames.Derive(table.Name, column.Name, "range"));
        var key = SqlIdentifier.Quote(column.Name);
        var parent = table.QualifiedName;
        var historyName = SqlIdentifier.Qualify(schema, history);
        var first = Literal(boundary);
        var partitions = Enumerable.Range(0, MonthsAhead)
            .Select(i => (Name: ObjectNames.Derive(table.Name, boundary.AddMonths(i).ToString("yyyy_MM", CultureInfo.InvariantCulture)), From: boundary.AddMonths(i), To: boundary.AddMonths(i + 1)))
            .ToList();
        var identities = lookup.ColumnsOf(table).Where(c => c.Identity is not null).ToList();
        string Resync(string target) => string.Concat(identities.Select(c =>
            $"\nSELECT setval(pg_get_serial_sequence({SqlIdentifier.Literal(target)}, {SqlIdentifier.Literal(c.Name)}), coalesce(max({SqlIdentifier.Quote(c.Name)}), 0) + 1, false) FROM {target};"));
        return new Remedy
        {
            Kind = ChangeKind.Migration,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = $"""
                -- 1. A partitioned twin with the same columns, defaults, identity and checks.
                CREATE TABLE {SqlIdentifier.Qualify(schema, staging)} (LIKE {parent} INCLUDING ALL EXCLUDING INDEXES) PARTITION BY RANGE ({key});
                -- 2. Prove the existing rows fit the first partition; NOT VALID then VALIDATE avoids a long exclusive lock, and ATTACH then skips its scan.
                ALTER TABLE {parent} ADD CONSTRAINT {check} CHECK ({key} IS NOT NULL AND {key} < {first}) NOT VALID;
                ALTER TABLE {parent} VALIDATE CONSTRAINT {check};
                -- 3. Swap names and attach the old table, with all its rows and indexes, as the first partition.
                ALTER TABLE {parent} RENAME TO {SqlIdentifier.Quote(history)};
                ALTER TABLE {SqlIdentifier.Qualify(schema, staging)} RENAME TO {SqlIdentifier.Quote(table.Name)};
                ALTER TABLE {parent} ATTACH PARTITION {historyName} FOR VALUES FROM (MINVALUE) TO ({first});{Resync(parent)}
                -- 4. Monthly partitions ahead; create the next one each month (pg_partman or a scheduled job).
                {string.Join("\n", partitions.Select(p => $"CREATE TABLE {SqlIdentifier.Qualify(schema, p.Name)} PARTITION OF {parent} FOR VALUES FROM ({Literal(p.From)}) TO ({Literal(p.To)});"))}
                -- Retention: ALTER TABLE {parent} DETACH PARTITION <old month> CONCURRENTLY; then DROP TABLE it.
                """,
            Down = $"""
                ALTER TABLE {parent} DETACH PARTITION {historyName};
                ALTER TABLE {historyName} DROP CONSTRAINT {check};
                INSERT INTO {historyName} OVERRIDING SYSTEM VALUE SELECT * FROM {parent};{Resync(historyName)}
                DROP TABLE {parent};
                ALTER TABLE {historyName} RENAME TO {SqlIdentifier.Quote(table.Name)};
                """,
            Creates = [historyName, .. partitions.Select(p => SqlIdentifier.Qualify(schema, p.Name))],
            PerformanceImpact = "Catalog-only swap after one validating scan; new rows go to small monthly partitions. Unique keys on the parent must include the partition key, so uniqueness of the old key is enforced per partition only; foreign keys pointing at the table keep pointing at the history partition until they are recreated.",
            Testing = $"Insert a row dated this month and one next month and check tableoid::regclass; EXPLAIN a query filtered on {column.Name} shows partition pruning; count(*) before and after the swap agree. Grants, triggers and row-level security policies are not copied by LIKE: re-create them on the new parent before the swap.",
        };
    }

    private static string Literal(DateTime value) => SqlIdentifier.Literal(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
