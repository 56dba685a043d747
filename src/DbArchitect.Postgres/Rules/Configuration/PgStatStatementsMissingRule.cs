using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Configuration;

/// <summary>
/// pg_stat_statements not preloaded or not created in the database: without it there is no record
/// of which queries cost the most, and workload-driven tuning has nothing to work from.
/// </summary>
public sealed class PgStatStatementsMissingRule : ISchemaRule
{
    private const string Extension = "pg_stat_statements";

    public const string RuleId = "pg-stat-statements-missing";

    public string Id => RuleId;
    public FindingArea Area => FindingArea.QueryOptimization;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        // Hidden from roles without pg_read_all_settings: unknown is not empty, and an ALTER SYSTEM
        // built from an empty list would replace what is really preloaded.
        if (facts.Snapshot.Setting("shared_preload_libraries") is not { } preload)
        {
            return [];
        }

        var libraries = preload.Value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(library => library.Trim('"'))
            .ToList();
        var preloaded = libraries.Contains(Extension, StringComparer.Ordinal);
        var installed = facts.Snapshot.Extensions.Any(e => e.Name == Extension && e.Installed);
        if (preloaded && installed)
        {
            return [];
        }

        return [preloaded ? NotCreated(facts) : NotPreloaded(facts, libraries, installed)];
    }

    private Finding NotPreloaded(AnalysisFacts facts, List<string> libraries, bool installed)
    {
        var setting = SystemSettingRemedy.Create(
            "shared_preload_libraries",
            [.. libraries, Extension],
            needsRestart: true,
            "A few percent of CPU for tracking statements; the restart interrupts all sessions.");
        return new Finding
        {
            RuleId = Id,
            Subject = "shared_preload_libraries",
            Severity = Severity,
            Area = Area,
            Title = "pg_stat_statements is not in shared_preload_libraries",
            Rationale = "pg_stat_statements records calls, total time and rows for every normalised statement; it must be loaded at server " +
                "start. Without it, slow-query analysis and index advice have no workload to work from.",
            Evidence =
            [
                new Evidence("shared_preload_libraries", libraries.Count == 0 ? "(empty)" : string.Join(", ", libraries)),
                new Evidence("extension created in this database", installed ? "yes" : "no"),
            ],
            Remedy = setting with
            {
                Up = setting.Up + (installed ? "" : $"\nCREATE EXTENSION IF NOT EXISTS {Extension};"),
                Down = (installed ? "" : $"DROP EXTENSION IF EXISTS {Extension};\n") + setting.Down,
                Testing = $"After the restart, SHOW shared_preload_libraries lists {Extension} and SELECT count(*) FROM pg_stat_statements succeeds in {DatabaseSubject.Of(facts)}.",
            },
        };
    }

    private Finding NotCreated(AnalysisFacts facts) => new()
    {
        RuleId = Id,
        Subject = $"extension {Extension}",
        Severity = Severity.Low,
        Area = Area,
        Title = $"pg_stat_statements is preloaded but not created in database {DatabaseSubject.Of(facts)}",
        Rationale = "The library collects statistics already, but the view that exposes them exists only after CREATE EXTENSION in this database.",
        Evidence =
        [
            new Evidence("shared_preload_libraries", "includes pg_stat_statements"),
            new Evidence("extension created in this database", "no"),
        ],
        Remedy = new Remedy
        {
            Kind = ChangeKind.Configuration,
            Strategy = MigrationStrategy.Standard,
            Up = $"CREATE EXTENSION IF NOT EXISTS {Extension};",
            Down = $"DROP EXTENSION IF EXISTS {Extension};",
            PerformanceImpact = "None beyond what the preloaded library already costs.",
            Testing = "SELECT count(*) FROM pg_stat_statements succeeds.",
        },
    };
}
