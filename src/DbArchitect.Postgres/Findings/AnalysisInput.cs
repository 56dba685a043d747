using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Findings;

/// <summary>What one analysis of a PostgreSQL target gathered for its finding stages.</summary>
public sealed record AnalysisInput
{
    /// <summary>The catalog, statistics and samples, read once.</summary>
    public required AnalysisFacts Facts { get; init; }

    /// <summary>The workload (file and pg_stat_statements), each statement planned once.</summary>
    public required IReadOnlyList<WorkloadPlan> Workload { get; init; }

    /// <summary>The read-only session, for stages that plan more (sampled constants, hypothetical indexes).</summary>
    public required TargetSession Session { get; init; }

    /// <summary>Where stages say what they skipped.</summary>
    public IProgress<string> Progress { get; init; } = new Progress<string>();
}
