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
}
