using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// A plain index never scanned since statistics began. Only said when statistics have been
/// counting for at least <see cref="RuleOptions.UnusedIndexMinStatsAgeDays"/>: a fresh reset proves nothing.
/// </summary>
public sealed class UnusedIndexRule : ISchemaRule
{
    public string Id => "unused-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.UnjustifiedIndexes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var statsAgeDays = StatisticsWindow.AgeDays(facts);
        if (statsAgeDays < facts.Options.UnusedIndexMinStatsAgeDays)
        {
            return [];
        }

        // Scans land on partitions' indexes, never on the parent's, and those belong to the parent's index.
        var lookup = CatalogLookup.Of(facts.Snapshot);
        return facts.Snapshot.Indexes
            .Where(i => i.IsValid && i.Scans == 0 && !i.IsUnique && !i.IsPrimary && i.ConstraintName is null
                && !lookup.IsPartition(i.TableOid) && !lookup.IsPartitioned(i.TableOid))
            .Select(index => Report(facts, index, statsAgeDays));
    }

    private Finding Report(AnalysisFacts facts, IndexInfo index, double statsAgeDays)
    {
        var name = IndexStatements.QualifiedName(index);
        var table = SqlIdentifier.Qualify(index.Schema, index.Table);
        return new Finding
        {
            RuleId = Id,
            Subject = name,
            Severity = Severity,
            Area = Area,
            Title = $"Index {name} has not been scanned in {MeasureText.Days(statsAgeDays)}",
            Rationale = "An index no query uses still costs a write on every insert and most updates, plus storage and vacuum time. " +
                "Check replicas and rare jobs (month-end reports) before dropping: statistics are per server.",
            Evidence =
            [
                new Evidence("index scans", "0"),
                new Evidence("statistics counting since", MeasureText.Date(StatisticsWindow.Since(facts))),
                new Evidence("size", MeasureText.Bytes(index.SizeBytes)),
                new Evidence("definition", index.Definition),
            ],
            Tables = [table],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Index,
                Strategy = MigrationStrategy.OnlineDdl,
                Up = IndexStatements.Drop(index, online: true),
                Down = IndexStatements.Create(index, online: true),
                PerformanceImpact = $"Frees {MeasureText.Bytes(index.SizeBytes)} and one index write per row change on {table}.",
                Testing = $"Watch pg_stat_statements mean times of the queries on {table} for a week after the drop; recreate with the rollback if any regress.",
            },
        };
    }
}
