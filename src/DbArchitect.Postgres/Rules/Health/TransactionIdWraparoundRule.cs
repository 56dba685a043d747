using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// A table whose oldest unfrozen transaction ID is far along towards autovacuum_freeze_max_age:
/// past it autovacuum forces an anti-wraparound vacuum, and at about 2 billion the server stops
/// accepting writes.
/// </summary>
public sealed class TransactionIdWraparoundRule : ISchemaRule
{
    private const long DefaultFreezeMaxAge = 200_000_000;
    private const double WarnShare = 0.5;
    private const double HighShare = 0.75;

    public string Id => "xid-wraparound-risk";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var freezeMaxAge = facts.Snapshot.SettingNumber("autovacuum_freeze_max_age") ?? DefaultFreezeMaxAge;
        var aging = facts.Snapshot.Tables
            .Where(t => t.FrozenXidAge >= WarnShare * freezeMaxAge)
            .OrderByDescending(t => t.FrozenXidAge)
            .ToList();
        return aging.Count > ManyObjects.Limit
            ? [ReportDatabase(facts, aging, freezeMaxAge)]
            : aging.Select(t => Report(t, freezeMaxAge));
    }

    private Finding ReportDatabase(AnalysisFacts facts, List<TableInfo> aging, long freezeMaxAge)
    {
        var share = (double)aging[0].FrozenXidAge / freezeMaxAge;
        return new Finding
        {
            RuleId = Id,
            Subject = DatabaseSubject.Of(facts),
            Severity = share >= HighShare ? Severity.High : Severity,
            Area = Area,
            Title = $"{aging.Count} tables are past half of autovacuum_freeze_max_age, the oldest at {MeasureText.Percent(share)}",
            Rationale = "Many tables need freezing at once; an anti-wraparound autovacuum storm would hit them together. " +
                "A planned database-wide VACUUM (FREEZE) off-peak does the same work at a time you choose.",
            Evidence =
            [
                new Evidence("tables past 50%", MeasureText.Count(aging.Count)),
                new Evidence("oldest age(relfrozenxid)", MeasureText.Count(aging[0].FrozenXidAge)),
                new Evidence("age(datfrozenxid)", MeasureText.Count(facts.Snapshot.Server.DatabaseFrozenXidAge)),
                new Evidence("autovacuum_freeze_max_age", MeasureText.Count(freezeMaxAge)),
                new Evidence("tables", ManyObjects.List([.. aging.Select(t => t.QualifiedName)])),
            ],
            Tables = [.. aging.Select(t => t.QualifiedName)],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Maintenance,
                Strategy = MigrationStrategy.Maintenance,
                Up = "VACUUM (FREEZE, ANALYZE);",
                Down = "-- Freezing rows cannot be undone and needs no undoing.",
                PerformanceImpact = "Reads every table of the database; run it off-peak. Reads and writes continue.",
                Testing = "SELECT max(age(relfrozenxid)) FROM pg_class WHERE relkind IN ('r', 'm', 't') is far below autovacuum_freeze_max_age afterwards.",
            },
        };
    }

    private Finding Report(TableInfo table, long freezeMaxAge)
    {
        var share = (double)table.FrozenXidAge / freezeMaxAge;
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = share >= HighShare ? Severity.High : Severity,
            Area = Area,
            Title = $"Table {table.QualifiedName} is at {MeasureText.Percent(share)} of autovacuum_freeze_max_age",
            Rationale = "Rows must be frozen before their transaction IDs age past about 2 billion. Past autovacuum_freeze_max_age an " +
                "aggressive vacuum starts whether or not it suits the workload; a planned VACUUM (FREEZE) now is cheaper and on your schedule.",
            Evidence =
            [
                new Evidence("age(relfrozenxid)", MeasureText.Count(table.FrozenXidAge)),
                new Evidence("autovacuum_freeze_max_age", MeasureText.Count(freezeMaxAge)),
                new Evidence("share used", MeasureText.Percent(share)),
                new Evidence("table size", MeasureText.Bytes(table.TableBytes)),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Maintenance,
                Strategy = MigrationStrategy.Maintenance,
                Up = $"VACUUM (FREEZE, ANALYZE) {table.QualifiedName};",
                Down = "-- Freezing rows cannot be undone and needs no undoing.",
                PerformanceImpact = $"Reads and may rewrite every page of {MeasureText.Bytes(table.TableBytes)}; run it off-peak. Reads and writes continue.",
                Testing = $"SELECT age(relfrozenxid) FROM pg_class WHERE oid = {SqlIdentifier.Literal(table.QualifiedName)}::regclass is far below {MeasureText.Count(freezeMaxAge)} afterwards; " +
                    "check for long-running transactions or stale replication slots if it does not drop.",
            },
        };
    }
}
