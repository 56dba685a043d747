namespace DbArchitect.Postgres.Catalog;

/// <summary>The server and database the snapshot came from.</summary>
public sealed record ServerInfo
{
    /// <summary>e.g. "15.18".</summary>
    public required string Version { get; init; }

    /// <summary>server_version_num, e.g. 150018.</summary>
    public required int VersionNumber { get; init; }

    public required string Database { get; init; }

    /// <summary>current_user of the analysing session; null when not read (hand-built snapshots).</summary>
    public string? ConnectedRole { get; init; }

    public required long DatabaseSizeBytes { get; init; }

    /// <summary>When statistics were last reset for this database (pg_stat_database.stats_reset); null if never.</summary>
    public DateTimeOffset? StatsReset { get; init; }

    /// <summary>When the postmaster started; statistics cannot be older than this.</summary>
    public required DateTimeOffset ServerStarted { get; init; }

    public required DateTimeOffset SnapshotTakenAt { get; init; }

    /// <summary>blks_hit and blks_read from pg_stat_database for this database.</summary>
    public long BlocksHit { get; init; }
    public long BlocksRead { get; init; }

    /// <summary>age(datfrozenxid) of this database.</summary>
    public long DatabaseFrozenXidAge { get; init; }

    /// <summary>Transactions committed and rolled back since the stats reset (pg_stat_database).</summary>
    public long TransactionsCommitted { get; init; }

    /// <summary>
    /// Whether the role sees every session in pg_stat_activity and every role's statements in
    /// pg_stat_statements (superuser or pg_read_all_stats); otherwise only its own.
    /// </summary>
    public bool ReadsAllStatistics { get; init; } = true;
}
