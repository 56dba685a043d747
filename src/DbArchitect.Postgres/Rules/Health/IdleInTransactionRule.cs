using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// Sessions sitting idle inside an open transaction for a minute or more, with no server timeout
/// to end them: they hold locks and stop VACUUM from removing dead rows.
/// </summary>
public sealed class IdleInTransactionRule : ISchemaRule
{
    private const double MinimumIdleSeconds = 60;
    private const double HighIdleSeconds = 3600;

    public string Id => "idle-in-transaction";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var activity = facts.Snapshot.Activity;
        if (activity.IdleInTransaction == 0 || activity.LongestIdleInTransactionSeconds < MinimumIdleSeconds)
        {
            return [];
        }

        var timeout = facts.Snapshot.SettingNumber("idle_in_transaction_session_timeout") ?? 0;
        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = DatabaseSubject.Of(facts),
                Severity = activity.LongestIdleInTransactionSeconds >= HighIdleSeconds ? Severity.High : Severity,
                Area = Area,
                Title = $"{activity.IdleInTransaction} session(s) idle in transaction, the longest for {activity.LongestIdleInTransactionSeconds:0} s",
                Rationale = "An open transaction that does nothing keeps its locks and its snapshot: other writers wait, and VACUUM cannot " +
                    "remove rows that snapshot might still see. The application should commit or roll back promptly; a server timeout is the safety net.",
                Evidence =
                [
                    new Evidence("sessions idle in transaction", MeasureText.Count(activity.IdleInTransaction)),
                    new Evidence("longest idle in transaction", $"{activity.LongestIdleInTransactionSeconds:0} s"),
                    new Evidence("idle_in_transaction_session_timeout", timeout == 0 ? "0 (disabled)" : $"{timeout} ms"),
                ],
                Remedy = timeout == 0
                    ? SystemSettingRemedy.Create(
                        "idle_in_transaction_session_timeout",
                        "5min",
                        needsRestart: false,
                        "Sessions idle in a transaction for 5 minutes are terminated and their transaction rolled back.")
                    : null,
            },
        ];
    }
}
