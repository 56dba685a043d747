using DbArchitect.Postgres.Explain;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// A workload statement with its plan on the target (EXPLAIN, estimated costs, never run), or the
/// reason the server gave for not planning it. Planned once per run: the workload review reads it
/// for insights and the index advisor takes it as its baseline.
/// </summary>
public sealed record WorkloadPlan(WorkloadStatement Statement, ExplainResult? Plan, string? NotPlanned);
