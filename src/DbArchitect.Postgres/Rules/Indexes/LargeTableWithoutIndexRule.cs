using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// A table with many rows and not a single index: every lookup reads the whole table. A
/// partitioned table is judged as a whole, by its partitions' rows and indexes, and its
/// partitions are not reported on their own.
/// </summary>
public sealed class LargeTableWithoutIndexRule : ISchemaRule
{
    public string Id => "large-table-without-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var indexed = facts.Snapshot.Indexes.Select(i => i.TableOid).ToHashSet();
        return facts.Snapshot.Tables
            .Where(t => t.Kind is TableKind.Table or TableKind.MaterializedView or TableKind.PartitionedTable
                && !t.IsPartition
                && lookup.RowsOf(t) >= facts.Options.LargeTableRows
                && !indexed.Contains(t.Oid)
                && !lookup.LeafPartitionsOf(t).Any(p => indexed.Contains(p.Oid)))
            .Select(table => Report(facts, lookup, table));
    }

    private Finding Report(AnalysisFacts facts, CatalogLookup lookup, TableInfo table)
    {
        var rows = lookup.RowsOf(table);
        var leaves = table.Kind == TableKind.PartitionedTable ? lookup.LeafPartitionsOf(table).ToList() : [table];
        var key = KeyCandidate(facts, table, rows);
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = Severity,
            Area = Area,
            Title = $"Table {table.QualifiedName} has {MeasureText.Count(rows)} rows and no index",
            Rationale = "Without any index every query, update and delete on the table is a sequential scan, and nothing enforces uniqueness. " +
                (key is null ? "Choose the index from the queries that read this table." : $"Column {SqlIdentifier.Quote(key)} looks like the lookup key (most distinct values)."),
            Evidence =
            [
                new Evidence("estimated rows", MeasureText.Count(rows)),
                new Evidence("table size", MeasureText.Bytes(leaves.Sum(l => l.TableBytes))),
                new Evidence("sequential scans", MeasureText.Count(leaves.Sum(l => l.SeqScans))),
                new Evidence("rows read by sequential scans", MeasureText.Count(leaves.Sum(l => l.SeqTuplesRead))),
                .. table.Kind == TableKind.PartitionedTable ? [new Evidence("partitions", MeasureText.Count(leaves.Count))] : Array.Empty<Evidence>(),
            ],
            Tables = [table.QualifiedName],
            Remedy = key is null ? null : Index(lookup, table, key),
        };
    }

    private static Remedy Index(CatalogLookup lookup, TableInfo table, string column)
    {
        var (up, down, index) = IndexStatements.CreateBTree(lookup, table, [column]);
        var partitioned = table.Kind == TableKind.PartitionedTable;
        return new Remedy
        {
            Kind = ChangeKind.Index,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = up,
            Down = down,
            Creates = [index],
            PerformanceImpact = $"Lookups by {SqlIdentifier.Quote(column)} become index scans; writes maintain one index." + (partitioned ? PartitionedIndexBuild.Impact : ""),
            Testing = $"EXPLAIN SELECT * FROM {table.QualifiedName} WHERE {SqlIdentifier.Quote(column)} = <value> shows an index scan on {(partitioned ? "each partition's index" : index)}; " +
                "if the column is unique, make it a primary key instead.",
        };
    }

    /// <summary>A column called id, else the column whose statistics show the most distinct values.</summary>
    private static string? KeyCandidate(AnalysisFacts facts, TableInfo table, double estimatedRows)
    {
        var columns = facts.Snapshot.Columns.Where(c => c.TableOid == table.Oid).ToList();
        if (columns.FirstOrDefault(c => c.Name == "id") is { } id)
        {
            return id.Name;
        }

        var rows = Math.Max(estimatedRows, 1);
        return facts.Snapshot.ColumnStatistics
            .Where(s => s.Schema == table.Schema && s.Table == table.Name && columns.Any(c => c.Name == s.Column))
            .Select(s => (s.Column, Distinct: s.DistinctValues < 0 ? -s.DistinctValues * rows : s.DistinctValues))
            .Where(s => s.Distinct >= rows / 10)
            .OrderByDescending(s => s.Distinct)
            .Select(s => s.Column)
            .FirstOrDefault();
    }
}
