namespace DbArchitect.Postgres.Workload;

/// <summary>
/// The run's workload, each statement planned once, with what pg_stat_statements gave and one
/// line per statement the server would not plan (said once in the Context).
/// </summary>
public sealed record PlannedWorkload(IReadOnlyList<WorkloadPlan> Plans, StatementStatistics FromStatistics)
{
    public int Planned => Plans.Count(p => p.Plan is not null);

    public IReadOnlyList<string> NotPlanned => [.. Plans.Where(p => p.NotPlanned is not null).Select(p => WorkloadPlanner.NotPlannedLine(p))];

    public IReadOnlyList<WorkloadStatement> Statements => [.. Plans.Select(p => p.Statement)];
}
