using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>Connections in use close to max_connections: the next burst gets "too many clients".</summary>
public sealed class ConnectionUtilisationRule : ISchemaRule
{
    private const double WarnShare = 0.7;
    private const double HighShare = 0.9;

    // idle_session_timeout exists from PostgreSQL 14 on.
    private const int IdleSessionTimeoutSince = 140000;

    public string Id => "connection-utilisation-high";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var activity = facts.Snapshot.Activity;
        if (activity.MaxConnections <= 0)
        {
            return [];
        }

        var share = (double)activity.TotalConnections / activity.MaxConnections;
        if (share < WarnShare)
        {
            return [];
        }

        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = DatabaseSubject.Of(facts),
                Severity = share >= HighShare ? Severity.High : Severity,
                Area = Area,
                Title = $"{activity.TotalConnections} of {activity.MaxConnections} connections in use ({MeasureText.Percent(share)})",
                Rationale = "Each PostgreSQL connection is a process with its own memory; most of them are usually idle. A transaction-mode " +
                    "pooler such as PgBouncer in front of the server serves the same clients with a few dozen server connections. " +
                    "The setting below only stops forgotten sessions from holding slots; the pooler is the fix.",
                Evidence =
                [
                    new Evidence("connections", MeasureText.Count(activity.TotalConnections)),
                    new Evidence("max_connections", MeasureText.Count(activity.MaxConnections)),
                    new Evidence("active / idle / idle in transaction", $"{activity.Active} / {activity.Idle} / {activity.IdleInTransaction}"),
                ],
                Remedy = facts.Snapshot.Server.VersionNumber < IdleSessionTimeoutSince ? null : SystemSettingRemedy.Create(
                    "idle_session_timeout",
                    "30min",
                    needsRestart: false,
                    "Sessions idle for 30 minutes are closed, freeing their slots; clients must reconnect (poolers do so transparently)."),
            },
        ];
    }
}
