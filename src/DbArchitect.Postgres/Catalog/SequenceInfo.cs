namespace DbArchitect.Postgres.Catalog;

/// <summary>A sequence and how far it has run.</summary>
public sealed record SequenceInfo
{
    public required string Schema { get; init; }
    public required string Name { get; init; }

    /// <summary>smallint, integer or bigint.</summary>
    public required string DataType { get; init; }
    public required long? LastValue { get; init; }
    public required long MaxValue { get; init; }
    public required long MinValue { get; init; }
    public required long Increment { get; init; }
    public bool Cycles { get; init; }

    /// <summary>"schema.table.column" that owns the sequence (serial or identity), else null.</summary>
    public string? OwnedBySchema { get; init; }
    public string? OwnedByTable { get; init; }
    public string? OwnedByColumn { get; init; }

    /// <summary>False when the connecting role has neither USAGE nor SELECT on it: its last value is then unknown, not unused.</summary>
    public bool Readable { get; init; } = true;
}
