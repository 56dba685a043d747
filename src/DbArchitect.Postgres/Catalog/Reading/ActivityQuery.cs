namespace DbArchitect.Postgres.Catalog.Reading;

internal static class ActivityQuery
{
    public static readonly CatalogQuery<ActivityInfo> Query = new("activity", row => new ActivityInfo
    {
        TotalConnections = row.Int("total_connections"),
        MaxConnections = row.Int("max_connections"),
        Active = row.Int("active"),
        Idle = row.Int("idle"),
        IdleInTransaction = row.Int("idle_in_transaction"),
        LongestIdleInTransactionSeconds = row.Double("longest_idle_in_transaction_seconds"),
        LongestActiveQuerySeconds = row.Double("longest_active_query_seconds"),
    });
}
