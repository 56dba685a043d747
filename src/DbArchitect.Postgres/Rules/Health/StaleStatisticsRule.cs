using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// A table never analyzed, or analyzed longer ago than <see cref="RuleOptions.StaleAnalyzeDays"/>
/// with many changes since: the planner estimates from numbers that no longer describe the data.
/// </summary>
public sealed class StaleStatisticsRule : ISchemaRule
{
    // Same share of changed rows that makes autovacuum re-analyze by default.
    private const double ChangedShare = 0.1;
    private const long MinimumChanges = 1000;

    public string Id => "stale-statistics";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var stale = facts.Snapshot.Tables.Where(t => IsStale(facts, t)).ToList();
        return stale.Count > ManyObjects.Limit ? [ReportDatabase(facts, stale)] : stale.Select(t => Report(facts, t, t.LastAnalyzed));
    }

    private static bool IsStale(AnalysisFacts facts, TableInfo table)
    {
        var changes = table.ModificationsSinceAnalyze;
        return table.Kind is TableKind.Table or TableKind.MaterializedView or TableKind.PartitionedTable
            && changes >= MinimumChanges
            && changes >= ChangedShare * Math.Max(table.LiveTuples, 0)
            && (table.LastAnalyzed is not { } analyzed || (facts.Now - analyzed).TotalDays >= facts.Options.StaleAnalyzeDays);
    }

    private Finding ReportDatabase(AnalysisFacts facts, List<TableInfo> stale) => new()
    {
        RuleId = Id,
        Subject = DatabaseSubject.Of(facts),
        Severity = Severity,
        Area = Area,
        Title = $"{stale.Count} tables have stale or missing planner statistics",
        Rationale = "Many tables changed a lot since their last ANALYZE (typical after a restore or bulk load, or with autovacuum off). " +
            "The planner estimates from numbers that no longer describe the data.",
        Evidence =
        [
            new Evidence("tables", MeasureText.Count(stale.Count)),
            new Evidence("never analyzed", MeasureText.Count(stale.Count(t => t.LastAnalyzed is null))),
            new Evidence("rows changed since last analyze, all together", MeasureText.Count(stale.Sum(t => t.ModificationsSinceAnalyze))),
            new Evidence("tables", ManyObjects.List([.. stale.Select(t => t.QualifiedName)])),
        ],
        Tables = [.. stale.Select(t => t.QualifiedName)],
        Remedy = new Remedy
        {
            Kind = ChangeKind.Maintenance,
            Strategy = MigrationStrategy.Maintenance,
            Up = "ANALYZE;",
            Down = "-- ANALYZE only refreshes planner statistics; there is nothing to undo.",
            PerformanceImpact = "Reads a sample of every table; plans that depended on stale estimates may change.",
            Testing = "SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NULL AND last_autoanalyze IS NULL AND n_mod_since_analyze > 0 returns 0.",
        },
    };

    private Finding Report(AnalysisFacts facts, TableInfo table, DateTimeOffset? analyzed)
    {
        var age = analyzed is { } at ? $"analyzed {MeasureText.Days((facts.Now - at).TotalDays)} ago" : "never analyzed";
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = Severity,
            Area = Area,
            Title = $"Table {table.QualifiedName} was {age} and has {MeasureText.Count(table.ModificationsSinceAnalyze)} changed rows since",
            Rationale = "The planner chooses joins and indexes from row counts and value distributions gathered by ANALYZE. " +
                "Stale statistics lead to wrong estimates and slow plans; autovacuum may be off or unable to keep up for this table.",
            Evidence =
            [
                new Evidence("last analyze", MeasureText.Date(analyzed)),
                new Evidence("rows changed since last analyze", MeasureText.Count(table.ModificationsSinceAnalyze)),
                new Evidence("live tuples", MeasureText.Count(table.LiveTuples)),
                new Evidence("estimated rows in pg_class", MeasureText.Count(Math.Max(table.EstimatedRows, 0))),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Maintenance,
                Strategy = MigrationStrategy.Maintenance,
                Up = $"ANALYZE {table.QualifiedName};",
                Down = "-- ANALYZE only refreshes planner statistics; there is nothing to undo.",
                PerformanceImpact = "Reads a sample of the table; plans that depended on stale estimates may change.",
                Testing = $"SELECT last_analyze, n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = {SqlIdentifier.Literal(table.QualifiedName)}::regclass shows a fresh time and 0 changes.",
            },
        };
    }
}
