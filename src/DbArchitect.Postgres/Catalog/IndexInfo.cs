namespace DbArchitect.Postgres.Catalog;

/// <summary>An index with its definition, shape, size and usage.</summary>
public sealed record IndexInfo
{
    public required uint Oid { get; init; }
    public required string Schema { get; init; }
    public required string Table { get; init; }
    public required uint TableOid { get; init; }
    public required string Name { get; init; }

    /// <summary>pg_get_indexdef output.</summary>
    public required string Definition { get; init; }

    /// <summary>Access method: btree, hash, gin, gist, brin, spgist.</summary>
    public required string Method { get; init; }

    /// <summary>Key columns in order; an expression key appears as its text (pg_get_indexdef(oid, n, true)).</summary>
    public IReadOnlyList<string> KeyColumns { get; init; } = [];

    /// <summary>INCLUDE columns.</summary>
    public IReadOnlyList<string> IncludedColumns { get; init; } = [];

    /// <summary>Per key column operator class where not the default, else empty strings; and sort options.</summary>
    public IReadOnlyList<string> KeyOptions { get; init; } = [];

    /// <summary>Per key column the collation oid (0 for a type without one): an index on <c>name COLLATE x</c> is not a twin of one on <c>name</c>.</summary>
    public IReadOnlyList<uint> KeyCollations { get; init; } = [];

    /// <summary>WHERE predicate of a partial index, else null.</summary>
    public string? Predicate { get; init; }

    public required bool IsUnique { get; init; }
    public required bool IsPrimary { get; init; }
    public required bool IsValid { get; init; }

    /// <summary>Name of the constraint this index backs (PK, UNIQUE, EXCLUDE), else null.</summary>
    public string? ConstraintName { get; init; }

    public required long SizeBytes { get; init; }
    public long Scans { get; init; }
    public long TuplesRead { get; init; }
    public long TuplesFetched { get; init; }

    /// <summary>True when any key is an expression rather than a plain column.</summary>
    public bool HasExpressions { get; init; }

    /// <summary>An index on a partitioned table (relkind 'I'): it has no storage, its partitions' indexes attached to it do.</summary>
    public bool IsPartitioned { get; init; }

    /// <summary>The partitioned index this partition's index is attached to, null when it stands alone.</summary>
    public uint? ParentIndexOid { get; init; }
}
