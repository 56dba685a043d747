namespace DbArchitect.Postgres.Catalog.Reading;

internal static class ServerQuery
{
    public static readonly CatalogQuery<ServerInfo> Query = new("server", row => new ServerInfo
    {
        Version = row.String("version"),
        VersionNumber = row.Int("version_number"),
        Database = row.String("database"),
        ConnectedRole = row.String("connected_role"),
        ReadsAllStatistics = row.Bool("reads_all_statistics"),
        DatabaseSizeBytes = row.Long("database_size_bytes"),
        StatsReset = row.NullableDateTime("stats_reset"),
        ServerStarted = row.DateTime("server_started"),
        SnapshotTakenAt = row.DateTime("snapshot_taken_at"),
        BlocksHit = row.Long("blocks_hit"),
        BlocksRead = row.Long("blocks_read"),
        DatabaseFrozenXidAge = row.Long("database_frozen_xid_age"),
        TransactionsCommitted = row.Long("transactions_committed"),
    });
}
