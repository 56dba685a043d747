using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Configuration;

/// <summary>
/// Autovacuum switched off for the server or for single tables: dead rows pile up, statistics go
/// stale and, eventually, transaction-ID wraparound forces a vacuum anyway.
/// </summary>
public sealed class AutovacuumDisabledRule : ISchemaRule
{
    public string Id => "autovacuum-disabled";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.High;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (facts.Snapshot.SettingSwitch("autovacuum") == false)
        {
            yield return ServerWide();
        }

        foreach (var table in facts.Snapshot.Tables.Where(DisabledOn))
        {
            yield return ForTable(table);
        }
    }

    private static bool DisabledOn(TableInfo table) =>
        table.Options.Any(option => option.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()
            is "autovacuum_enabled=false" or "autovacuum_enabled=off" or "autovacuum_enabled=0" or "autovacuum_enabled=no");

    private Finding ServerWide() => new()
    {
        RuleId = Id,
        Subject = "autovacuum",
        Severity = Severity,
        Area = Area,
        Title = "Autovacuum is turned off for the whole server",
        Rationale = "Without autovacuum nothing reclaims dead rows or refreshes planner statistics unless someone runs VACUUM by hand; " +
            "tables bloat, plans degrade, and anti-wraparound vacuums still start when they must, at the worst moment.",
        Evidence = [new Evidence("autovacuum", "off")],
        Remedy = SystemSettingRemedy.Create("autovacuum", "on", needsRestart: false, "Background vacuum and analyze resume; some I/O in the background."),
    };

    private Finding ForTable(TableInfo table) => new()
    {
        RuleId = Id,
        Subject = table.QualifiedName,
        Severity = Severity.Medium,
        Area = Area,
        Title = $"Autovacuum is turned off for table {table.QualifiedName}",
        Rationale = "The table's storage option autovacuum_enabled=false stops background vacuum and analyze for it; dead rows and stale " +
            "statistics accumulate unless a scheduled job vacuums it. Tune its thresholds instead of switching it off.",
        Evidence =
        [
            new Evidence("reloptions", string.Join(", ", table.Options)),
            new Evidence("dead tuples", MeasureText.Count(table.DeadTuples)),
            new Evidence("changes since last analyze", MeasureText.Count(table.ModificationsSinceAnalyze)),
        ],
        Tables = [table.QualifiedName],
        Remedy = new Remedy
        {
            Kind = ChangeKind.Configuration,
            Strategy = MigrationStrategy.Configuration,
            Up = $"ALTER TABLE {table.QualifiedName} RESET (autovacuum_enabled);",
            Down = $"ALTER TABLE {table.QualifiedName} SET (autovacuum_enabled = false);",
            PerformanceImpact = "Autovacuum resumes on this table; the first run may take a while if much has piled up.",
            Testing = $"SELECT reloptions FROM pg_class WHERE oid = {SqlIdentifier.Literal(table.QualifiedName)}::regclass no longer lists autovacuum_enabled; " +
                "pg_stat_user_tables.last_autovacuum fills in.",
        },
    };
}
