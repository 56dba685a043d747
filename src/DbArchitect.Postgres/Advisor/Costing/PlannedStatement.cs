using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Advisor.Costing;

/// <summary>A workload statement with its plan before any new index (or why it could not be planned).</summary>
internal sealed record PlannedStatement(int Id, WorkloadStatement Statement, ExplainResult? Plan, string? Skipped)
{
    public double Cost => Plan?.Plan.TotalCost ?? 0;

    public IReadOnlyList<TableAccess> Accesses { get; } = Plan is null ? [] : PlanAccessReader.Read(Plan.Plan);

    public bool Touches(IndexCandidate candidate) => Accesses.Any(a => a.Schema == candidate.Schema && a.Table == candidate.Table);
}
