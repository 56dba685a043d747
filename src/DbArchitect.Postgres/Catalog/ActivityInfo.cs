namespace DbArchitect.Postgres.Catalog;

/// <summary>Connection activity at snapshot time, from pg_stat_activity.</summary>
public sealed record ActivityInfo
{
    public required int TotalConnections { get; init; }
    public required int MaxConnections { get; init; }
    public int Active { get; init; }
    public int Idle { get; init; }
    public int IdleInTransaction { get; init; }

    /// <summary>Longest idle-in-transaction duration in seconds, 0 when none.</summary>
    public double LongestIdleInTransactionSeconds { get; init; }

    /// <summary>Longest running active query in seconds, 0 when none.</summary>
    public double LongestActiveQuerySeconds { get; init; }
}
