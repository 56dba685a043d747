using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// A b-tree much larger than its entries need, estimated from row count and column widths in the
/// statistics (the approach of the well-known pgexperts bloat query). B-trees never shrink on their
/// own after mass deletes; only a rebuild returns the space.
/// </summary>
public sealed class IndexBloatRule : ISchemaRule
{
    private const double PageBytes = 8192;

    // Page header (24) and b-tree special space (16) are not available for tuples.
    private const double UsablePageBytes = PageBytes - 24 - 16;

    // Index tuple header with heap pointer (8) plus line pointer (4).
    private const int TupleOverheadBytes = 12;
    private const double DefaultFillFactor = 0.9;
    private const long MinimumWasteBytes = 8L * 1024 * 1024;
    private const double MinimumWasteRatio = 0.5;
    private const long SevereWasteBytes = 1024L * 1024 * 1024;

    public string Id => "index-bloat";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var tables = facts.Snapshot.Tables.ToDictionary(t => t.Oid);
        var widths = facts.Snapshot.ColumnStatistics.ToDictionary(s => (s.Schema, s.Table, s.Column), s => s.AverageWidth);

        foreach (var index in facts.Snapshot.Indexes.Where(i => i.IsValid && i.Method is "btree" && !i.HasExpressions && i.SizeBytes >= MinimumWasteBytes))
        {
            if (!tables.TryGetValue(index.TableOid, out var table) || table.EstimatedRows < 0
                || ExpectedBytes(index, table, widths) is not { } expected)
            {
                continue;
            }

            var waste = index.SizeBytes - expected;
            if (waste >= MinimumWasteBytes && waste >= MinimumWasteRatio * index.SizeBytes)
            {
                yield return Report(index, table, expected, waste);
            }
        }
    }

    private static long? ExpectedBytes(IndexInfo index, TableInfo table, Dictionary<(string, string, string), int> widths)
    {
        var dataBytes = 0;
        foreach (var column in index.KeyColumns.Concat(index.IncludedColumns))
        {
            if (!widths.TryGetValue((index.Schema, index.Table, column), out var width))
            {
                return null;
            }

            dataBytes += width;
        }

        var tupleBytes = TupleOverheadBytes + AlignTo8(dataBytes);
        var leafPages = Math.Ceiling(table.EstimatedRows * tupleBytes / (UsablePageBytes * DefaultFillFactor));

        // One meta page, and inner pages: about one per hundred leaves is generous for b-trees.
        return (long)((1 + leafPages * 1.01) * PageBytes);
    }

    private static int AlignTo8(int bytes) => (bytes + 7) / 8 * 8;

    private Finding Report(IndexInfo index, TableInfo table, long expected, long waste)
    {
        var name = IndexStatements.QualifiedName(index);
        return new Finding
        {
            RuleId = Id,
            Subject = name,
            Severity = waste >= SevereWasteBytes ? Severity.Medium : Severity,
            Area = Area,
            Title = $"Index {name} is about {MeasureText.Percent((double)waste / index.SizeBytes)} empty space",
            Rationale = "A bloated b-tree makes scans read more pages and takes memory from the cache; deleted space is reused only " +
                "for the same key ranges. A concurrent rebuild compacts it without blocking writes.",
            Evidence =
            [
                new Evidence("index size", MeasureText.Bytes(index.SizeBytes)),
                new Evidence("estimated size needed", $"{MeasureText.Bytes(expected)} for {MeasureText.Count(table.EstimatedRows)} rows"),
                new Evidence("estimated waste", MeasureText.Bytes(waste)),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Maintenance,
                Strategy = MigrationStrategy.Maintenance,
                Up = $"REINDEX INDEX CONCURRENTLY {name};",
                Down = "-- REINDEX only rebuilds the index from the table; there is nothing to undo.",
                PerformanceImpact = $"Index shrinks by up to {MeasureText.Bytes(waste)}; the rebuild needs that much free disk and reads the table once.",
                Testing = $"SELECT pg_size_pretty(pg_relation_size({SqlIdentifier.Literal(name)}::regclass)) is close to {MeasureText.Bytes(expected)} afterwards.",
            },
        };
    }
}
