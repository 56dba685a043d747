using DbArchitect.Postgres.Scratch;

namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>How large a scratch copy a trial builds, and how to start its cluster.</summary>
public sealed record ScratchTrialOptions
{
    /// <summary>At most this many rows are copied from each table the trial needs. Default 50,000.</summary>
    public int MaxRowsPerTable { get; init; } = 50_000;

    /// <summary>How to start the scratch cluster when the caller does not lend one; null for the defaults.</summary>
    public ScratchClusterOptions? Cluster { get; init; }
}
