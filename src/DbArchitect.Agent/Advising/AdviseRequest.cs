using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Advising;

/// <summary>What <c>dbarch advise</c> was asked to do.</summary>
public sealed record AdviseRequest
{
    /// <summary>Target connection string; null with <see cref="Demo"/>.</summary>
    public string? ConnectionString { get; init; }
    public bool Demo { get; init; }

    /// <summary>A .sql workload file; may be combined with <see cref="FromStatistics"/>.</summary>
    public string? WorkloadFile { get; init; }

    /// <summary>Also take the target's most expensive pg_stat_statements entries.</summary>
    public bool FromStatistics { get; init; }

    /// <summary>At most this many new indexes; null for no limit.</summary>
    public int? MaxIndexes { get; init; }

    /// <summary>New indexes may take at most this many bytes together; null for no limit.</summary>
    public long? StorageBudgetBytes { get; init; }

    public TargetSessionOptions Session { get; init; } = new();
}
