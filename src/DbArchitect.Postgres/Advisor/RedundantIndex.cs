namespace DbArchitect.Postgres.Advisor;

/// <summary>An existing index that a recommended one makes unnecessary.</summary>
public sealed record RedundantIndex
{
    public required string QualifiedName { get; init; }
    public required string QualifiedTable { get; init; }
    public required string Definition { get; init; }
    public required long Bytes { get; init; }

    /// <summary>The recommended index that serves everything it served.</summary>
    public required string CoveredBy { get; init; }

    public required string DropStatement { get; init; }

    /// <summary>Recreates it, so the drop can be rolled back.</summary>
    public required string RecreateStatement { get; init; }
}
