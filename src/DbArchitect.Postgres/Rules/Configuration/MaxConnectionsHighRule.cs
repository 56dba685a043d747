using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Configuration;

/// <summary>
/// max_connections above 200: usually a sign that every application process connects directly,
/// with no pooler between them and the server.
/// </summary>
public sealed class MaxConnectionsHighRule : ISchemaRule
{
    private const long Limit = 200;
    private const string PooledValue = "100";

    public string Id => "max-connections-high";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var maxConnections = facts.Snapshot.SettingNumber("max_connections") ?? facts.Snapshot.Activity.MaxConnections;
        if (maxConnections <= Limit)
        {
            return [];
        }

        var activity = facts.Snapshot.Activity;
        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = "max_connections",
                Severity = Severity,
                Area = Area,
                Title = $"max_connections is {maxConnections}: put a connection pooler (PgBouncer) in front",
                Rationale = "Each connection is a server process; hundreds of them compete for CPU and memory and slow snapshot-taking for all. " +
                    "A transaction-mode pooler such as PgBouncer lets thousands of clients share a small pool. Lower max_connections " +
                    "only once the pooler is in place.",
                Evidence =
                [
                    new Evidence("max_connections", MeasureText.Count(maxConnections)),
                    new Evidence("connections now", MeasureText.Count(activity.TotalConnections)),
                    new Evidence("active now", MeasureText.Count(activity.Active)),
                ],
                Remedy = SystemSettingRemedy.Create(
                    "max_connections",
                    PooledValue,
                    needsRestart: true,
                    "Less contention and memory per server once clients go through PgBouncer; without a pooler clients beyond the limit are refused."),
            },
        ];
    }
}
