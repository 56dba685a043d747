namespace DbArchitect.Postgres.Catalog;

/// <summary>Constraint kinds from pg_constraint.contype.</summary>
public enum ConstraintKind
{
    PrimaryKey,
    ForeignKey,
    Unique,
    Check,
    Exclusion,
    Trigger,
    NotNull,
}

/// <summary>A table constraint with its columns resolved to names.</summary>
public sealed record ConstraintInfo
{
    public required string Schema { get; init; }
    public required string Table { get; init; }
    public required uint TableOid { get; init; }
    public required string Name { get; init; }
    public required ConstraintKind Kind { get; init; }

    /// <summary>Constrained columns in key order.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>pg_get_constraintdef output.</summary>
    public required string Definition { get; init; }

    /// <summary>False when created NOT VALID and never validated.</summary>
    public bool Validated { get; init; } = true;

    // Foreign keys only.
    public string? ReferencedSchema { get; init; }
    public string? ReferencedTable { get; init; }
    public IReadOnlyList<string> ReferencedColumns { get; init; } = [];

    /// <summary>ON DELETE action: "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT".</summary>
    public string? OnDelete { get; init; }
    public string? OnUpdate { get; init; }
}
