namespace DbArchitect.Core.Findings;

/// <summary>How a remedy is meant to be executed against a live system.</summary>
public enum MigrationStrategy
{
    /// <summary>Ordinary transactional DDL, short locks only.</summary>
    Standard,

    /// <summary>DDL that avoids long locks (CONCURRENTLY, NOT VALID then VALIDATE).</summary>
    OnlineDdl,

    /// <summary>Data changes split into small batches, each its own transaction.</summary>
    BatchedDml,

    /// <summary>Server configuration change (ALTER SYSTEM / reload or restart).</summary>
    Configuration,

    /// <summary>Routine maintenance (VACUUM, ANALYZE, REINDEX) with no schema change.</summary>
    Maintenance,

    /// <summary>
    /// DDL that rewrites the whole table (and its indexes) under an ACCESS EXCLUSIVE lock: reads
    /// and writes wait for as long as the rewrite takes, so it needs a maintenance window sized
    /// from the table, or an online alternative (new column, batched backfill, swap).
    /// </summary>
    TableRewrite,
}
