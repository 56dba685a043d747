namespace DbArchitect.Postgres.Catalog;

/// <summary>A column of a table, view or materialized view.</summary>
public sealed record ColumnInfo
{
    public required uint TableOid { get; init; }
    public required string Schema { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }

    /// <summary>attnum, 1-based.</summary>
    public required int Position { get; init; }

    /// <summary>format_type output, e.g. "character varying(255)", "timestamp without time zone".</summary>
    public required string DataType { get; init; }

    /// <summary>Base type name without modifiers (pg_type.typname), e.g. "varchar", "int4", "_text".</summary>
    public required string TypeName { get; init; }

    /// <summary>'e' for enum types, 'd' domain, 'b' base, 'c' composite (pg_type.typtype).</summary>
    public string TypeKind { get; init; } = "b";

    public required bool NotNull { get; init; }
    public string? Default { get; init; }

    /// <summary>"a" (ALWAYS), "d" (BY DEFAULT) or null.</summary>
    public string? Identity { get; init; }

    /// <summary>Generation expression for stored generated columns, else null.</summary>
    public string? Generated { get; init; }

    /// <summary>Sequence owned by this column (serial/bigserial), schema-qualified, else null.</summary>
    public string? OwnedSequence { get; init; }

    public string? Comment { get; init; }
}
