namespace DbArchitect.Postgres.Catalog;

/// <summary>A relation with rows or a query behind it, with its size and activity statistics.</summary>
public sealed record TableInfo
{
    public required uint Oid { get; init; }
    public required string Schema { get; init; }
    public required string Name { get; init; }
    public required TableKind Kind { get; init; }

    /// <summary>The owning role; null when not read (hand-built snapshots).</summary>
    public string? Owner { get; init; }

    /// <summary>Schema-qualified, quoted only where PostgreSQL needs quotes, e.g. <c>public."Order"</c>.</summary>
    public string QualifiedName => SqlIdentifier.Qualify(Schema, Name);

    /// <summary>Parent of a partition ("schema.name" unquoted pair), null otherwise.</summary>
    public string? PartitionParentSchema { get; init; }
    public string? PartitionParentName { get; init; }

    /// <summary>pg_inherits.inhparent of a partition, null otherwise.</summary>
    public uint? PartitionParentOid { get; init; }

    /// <summary>A partition's bound as pg_get_expr prints it, e.g. "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')" or "DEFAULT".</summary>
    public string? PartitionBound { get; init; }

    /// <summary>Partition key expression for partitioned tables, e.g. "RANGE (created_at)".</summary>
    public string? PartitionKey { get; init; }

    /// <summary>pg_partitioned_table.partstrat of a partitioned table, null otherwise.</summary>
    public PartitionStrategy? PartitionStrategy { get; init; }

    public bool IsPartition => PartitionParentName is not null;

    /// <summary>pg_class.reltuples; -1 when never vacuumed or analyzed.</summary>
    public required double EstimatedRows { get; init; }
    public required long TotalBytes { get; init; }
    public required long TableBytes { get; init; }
    public required long IndexBytes { get; init; }

    public bool RowLevelSecurity { get; init; }
    public bool ForceRowLevelSecurity { get; init; }
    public int PolicyCount { get; init; }
    public string? Comment { get; init; }

    /// <summary>age(relfrozenxid); 0 for relations without storage.</summary>
    public long FrozenXidAge { get; init; }

    // pg_stat_user_tables (zero for views).
    public long SeqScans { get; init; }
    public long SeqTuplesRead { get; init; }
    public long IndexScans { get; init; }
    public long Inserts { get; init; }
    public long Updates { get; init; }
    public long HotUpdates { get; init; }
    public long Deletes { get; init; }
    public long LiveTuples { get; init; }
    public long DeadTuples { get; init; }
    public long ModificationsSinceAnalyze { get; init; }
    public DateTimeOffset? LastVacuum { get; init; }
    public DateTimeOffset? LastAutoVacuum { get; init; }
    public DateTimeOffset? LastAnalyze { get; init; }
    public DateTimeOffset? LastAutoAnalyze { get; init; }

    /// <summary>Table-level storage options (reloptions), e.g. "autovacuum_enabled=false".</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>
    /// Whether the session may SELECT from it. Without that, row samples and pg_stats rows for it
    /// are absent, which must read as "not measured", never as "nothing found".
    /// </summary>
    public bool Readable { get; init; } = true;

    /// <summary>The later of manual and automatic analyze.</summary>
    public DateTimeOffset? LastAnalyzed =>
        LastAnalyze is null ? LastAutoAnalyze : LastAutoAnalyze is null ? LastAnalyze : (LastAnalyze > LastAutoAnalyze ? LastAnalyze : LastAutoAnalyze);
}
