using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>A table with many rows and not a single index: every lookup reads the whole table.</summary>
public sealed class LargeTableWithoutIndexRule : ISchemaRule
{
    public string Id => "large-table-without-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var indexed = facts.Snapshot.Indexes.Select(i => i.TableOid).ToHashSet();
        return facts.Snapshot.Tables
            .Where(t => t.Kind is TableKind.Table or TableKind.MaterializedView
                && t.EstimatedRows >= facts.Options.LargeTableRows
                && !indexed.Contains(t.Oid))
            .Select(table => Report(facts, table));
    }

    private Finding Report(AnalysisFacts facts, TableInfo table)
    {
        var key = KeyCandidate(facts, table);
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = Severity,
            Area = Area,
            Title = $"Table {table.QualifiedName} has {MeasureText.Count(table.EstimatedRows)} rows and no index",
            Rationale = "Without any index every query, update and delete on the table is a sequential scan, and nothing enforces uniqueness. " +
                (key is null ? "Choose the index from the queries that read this table." : $"Column {SqlIdentifier.Quote(key)} looks like the lookup key (most distinct values)."),
            Evidence =
            [
                new Evidence("estimated rows", MeasureText.Count(table.EstimatedRows)),
                new Evidence("table size", MeasureText.Bytes(table.TableBytes)),
                new Evidence("sequential scans", MeasureText.Count(table.SeqScans)),
                new Evidence("rows read by sequential scans", MeasureText.Count(table.SeqTuplesRead)),
            ],
            Tables = [table.QualifiedName],
            Remedy = key is null ? null : Index(table, key),
        };
    }

    private static Remedy Index(TableInfo table, string column)
    {
        var (create, index) = IndexStatements.CreateBTree(table, [column]);
        return new Remedy
        {
            Kind = ChangeKind.Index,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = create,
            Down = IndexStatements.DropNamed(index, online: true),
            Creates = [index],
            PerformanceImpact = $"Lookups by {SqlIdentifier.Quote(column)} become index scans; writes maintain one index.",
            Testing = $"EXPLAIN SELECT * FROM {table.QualifiedName} WHERE {SqlIdentifier.Quote(column)} = <value> shows an index scan on {index}; " +
                "if the column is unique, make it a primary key instead.",
        };
    }

    /// <summary>A column called id, else the column whose statistics show the most distinct values.</summary>
    private static string? KeyCandidate(AnalysisFacts facts, TableInfo table)
    {
        var columns = facts.Snapshot.Columns.Where(c => c.TableOid == table.Oid).ToList();
        if (columns.FirstOrDefault(c => c.Name == "id") is { } id)
        {
            return id.Name;
        }

        var rows = Math.Max(table.EstimatedRows, 1);
        return facts.Snapshot.ColumnStatistics
            .Where(s => s.Schema == table.Schema && s.Table == table.Name && columns.Any(c => c.Name == s.Column))
            .Select(s => (s.Column, Distinct: s.DistinctValues < 0 ? -s.DistinctValues * rows : s.DistinctValues))
            .Where(s => s.Distinct >= rows / 10)
            .OrderByDescending(s => s.Distinct)
            .Select(s => s.Column)
            .FirstOrDefault();
    }
}
