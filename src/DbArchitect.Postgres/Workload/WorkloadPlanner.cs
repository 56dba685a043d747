using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// The workload stage's sources: statements from a workload file and the target's top
/// pg_stat_statements entries, one per statement identity, each planned (never executed) on the
/// target once. A statement the server will not plan is kept with the server's reason.
/// </summary>
public sealed class WorkloadPlanner(TargetSession session)
{
    public async Task<PlannedWorkload> PlanAsync(IReadOnlyList<WorkloadStatement> fromFile, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var fromStatistics = await new PgStatStatements(session).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false);
        var statements = fromFile.Concat(fromStatistics.Statements).DistinctBy(s => StatementIdentity.Of(s.Text), StringComparer.Ordinal).ToList();
        var runner = new ExplainRunner(session);
        var plans = new List<WorkloadPlan>();
        foreach (var statement in statements)
        {
            try
            {
                plans.Add(new WorkloadPlan(statement, await runner.ExplainAsync(statement.Text, new ExplainOptions(), cancellationToken).ConfigureAwait(false), null));
            }
            catch (Exception e) when (e is ExplainRefusedException || DatabaseErrors.IsStatementRefusal(e))
            {
                var plan = new WorkloadPlan(statement, null, e.Message.Split('\n')[0]);
                plans.Add(plan);
                progress.Report("workload statement " + NotPlannedLine(plan));
            }
        }

        return new PlannedWorkload(plans, fromStatistics);
    }

    internal static string NotPlannedLine(WorkloadPlan plan) => $"not planned: {SqlScript.Excerpt(plan.Statement.Text, 80)} ({plan.NotPlanned})";
}
