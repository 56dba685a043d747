using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// A table carrying many dead tuples relative to its live ones: autovacuum is not keeping up, scans
/// read dead rows and the table grows.
/// </summary>
public sealed class DeadTuplesRule : ISchemaRule
{
    // Per-table autovacuum: start after 5% of rows change instead of the default 20%.
    private const string ScaleFactor = "0.05";
    private const string Threshold = "1000";

    public string Id => "table-dead-tuples";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts) =>
        facts.Snapshot.Tables
            .Where(t => t.Kind is TableKind.Table or TableKind.MaterializedView
                && t.DeadTuples >= facts.Options.DeadTupleMinimum
                && t.DeadTuples >= facts.Options.DeadTupleRatio * Math.Max(t.LiveTuples, 1))
            .Select(Report);

    private Finding Report(TableInfo table)
    {
        var ratio = (double)table.DeadTuples / Math.Max(table.LiveTuples, 1);
        var lastVacuum = Latest(table.LastVacuum, table.LastAutoVacuum);
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = table.DeadTuples >= table.LiveTuples ? Severity.High : Severity,
            Area = Area,
            Title = $"Table {table.QualifiedName} has {MeasureText.Count(table.DeadTuples)} dead tuples ({MeasureText.Percent(ratio)} of live)",
            Rationale = "Dead tuples are space that scans still read and that only VACUUM makes reusable. A high ratio means autovacuum " +
                "runs too rarely for this table's churn; lower its per-table thresholds so it keeps up.",
            Evidence =
            [
                new Evidence("dead tuples", MeasureText.Count(table.DeadTuples)),
                new Evidence("live tuples", MeasureText.Count(table.LiveTuples)),
                new Evidence("dead / live", MeasureText.Percent(ratio)),
                new Evidence("table size", MeasureText.Bytes(table.TableBytes)),
                new Evidence("last vacuum", MeasureText.Date(lastVacuum)),
                new Evidence("updates / deletes since statistics reset", $"{MeasureText.Count(table.Updates)} / {MeasureText.Count(table.Deletes)}"),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Maintenance,
                Strategy = MigrationStrategy.Maintenance,
                Up = $"""
                    VACUUM (ANALYZE) {table.QualifiedName};
                    ALTER TABLE {table.QualifiedName} SET (autovacuum_vacuum_scale_factor = {ScaleFactor}, autovacuum_vacuum_threshold = {Threshold});
                    """,
                Down = $"""
                    -- VACUUM cannot be undone and needs no undoing; only the autovacuum settings are reverted.
                    ALTER TABLE {table.QualifiedName} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold);
                    """,
                PerformanceImpact = "VACUUM reads the table without blocking reads or writes (it does not shrink the file); autovacuum then runs more often on this table.",
                Testing = $"SELECT n_dead_tup, last_vacuum FROM pg_stat_user_tables WHERE relid = {SqlIdentifier.Literal(table.QualifiedName)}::regclass shows few dead tuples and a fresh vacuum time.",
            },
        };
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
