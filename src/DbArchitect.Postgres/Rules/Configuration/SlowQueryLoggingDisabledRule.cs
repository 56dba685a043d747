using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Configuration;

/// <summary>log_min_duration_statement at -1: slow statements leave no trace in the server log.</summary>
public sealed class SlowQueryLoggingDisabledRule : ISchemaRule
{
    public string Id => "slow-query-logging-disabled";
    public FindingArea Area => FindingArea.QueryOptimization;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (facts.Snapshot.SettingNumber("log_min_duration_statement") != -1)
        {
            return [];
        }

        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = "log_min_duration_statement",
                Severity = Severity,
                Area = Area,
                Title = "Slow statements are not logged (log_min_duration_statement = -1)",
                Rationale = "Logging statements slower than a threshold gives the exact text and parameters of slow queries, which " +
                    "pg_stat_statements normalises away; it is the raw material for EXPLAIN ANALYZE work.",
                Evidence = [new Evidence("log_min_duration_statement", "-1 (disabled)")],
                Remedy = SystemSettingRemedy.Create(
                    "log_min_duration_statement",
                    "500ms",
                    needsRestart: false,
                    "One log line per statement slower than 500 ms; negligible unless many statements are that slow."),
            },
        ];
    }
}
