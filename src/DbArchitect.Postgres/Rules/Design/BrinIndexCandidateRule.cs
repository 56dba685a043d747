using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Design;

/// <summary>
/// A moderately large time series stored in the order of its event time does not need partitions
/// to answer time-range queries cheaply: a BRIN index on that column is a few pages where a B-tree
/// would be gigabytes. Larger tables get <see cref="RangePartitioningCandidateRule"/> instead.
/// A created_at rising with the insert order is no evidence on its own (almost every table has
/// one), so only an event-time column counts; where the workload shows range filters on any
/// time-ordered column, the index advisor costs a BRIN index with hypopg and proposes it itself.
/// </summary>
public sealed class BrinIndexCandidateRule : ISchemaRule
{
    public string Id => "brin-index-candidate";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var partitionThreshold = facts.Options.LargeTableRows * (double)RangePartitioningCandidateRule.PartitionFactor;
        foreach (var table in lookup.DesignTables.Where(t => t.Kind == TableKind.Table && t.EstimatedRows >= facts.Options.LargeTableRows))
        {
            // Above the partitioning threshold an append-mostly table gets the partitioning plan, which is the better remedy.
            if (table.EstimatedRows >= partitionThreshold && TimeOrderedTables.IsAppendMostly(table))
            {
                continue;
            }

            if (TimeOrderedTables.EventTimeColumn(lookup, table) is not var (column, correlation) || lookup.HasIndexLeadingWith(table, column.Name))
            {
                continue;
            }

            // The advisor's index model writes it, under a name no object of the catalog holds.
            var index = IndexNames.Assign([new IndexCandidate { Schema = table.Schema, Table = table.Name, Keys = [SqlIdentifier.Quote(column.Name)], Method = "brin" }], lookup.Snapshot)[0];
            yield return new Finding
            {
                RuleId = Id,
                Subject = ObjectNames.ColumnSubject(table, column.Name),
                Severity = Severity,
                Area = Area,
                Title = $"{table.QualifiedName} is stored in {column.Name} order with no index on it: add a BRIN index",
                Rationale = "The table records events by this time and its rows are physically ordered by it, so a BRIN index (one summary per block range) lets time-range queries skip most of the table at a tiny fraction of a B-tree's size and write cost.",
                Evidence =
                [
                    new Evidence("estimated rows", MeasureText.Count(table.EstimatedRows)),
                    new Evidence("table size", MeasureText.Bytes(table.TableBytes)),
                    new Evidence($"correlation of {column.Name} with row order", MeasureText.Decimal(correlation)),
                    new Evidence("sequential scans", MeasureText.Count(table.SeqScans)),
                ],
                Tables = [table.QualifiedName],
                Remedy = new Remedy
                {
                    Kind = ChangeKind.Index,
                    Strategy = MigrationStrategy.OnlineDdl,
                    Up = index.CreateStatement,
                    Down = index.DropStatement,
                    Creates = [index.QualifiedName],
                    PerformanceImpact = "Built without blocking writes; the index is a few hundred kilobytes and adds almost nothing to inserts. Range queries on the column stop scanning the whole table.",
                    Testing = $"EXPLAIN (ANALYZE, BUFFERS) a query filtered on a one-day range of {column.Name} shows a Bitmap Index Scan on {index.Name} and far fewer buffers.",
                },
            };
        }
    }
}
