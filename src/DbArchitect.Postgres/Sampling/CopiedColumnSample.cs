namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// How often, on a sample of referencing rows with a non-null foreign key, a column equals the
/// referenced row's column it may copy. Counts only; no values are kept.
/// </summary>
public sealed record CopiedColumnSample
{
    public required uint TableOid { get; init; }
    public required string Column { get; init; }
    public required string ForeignKey { get; init; }
    public required string ParentColumn { get; init; }

    /// <summary>Sampled referencing rows whose foreign key is not null.</summary>
    public required int SampledRows { get; init; }

    /// <summary>Sampled rows whose column is not distinct from the referenced row's column.</summary>
    public required int MatchingRows { get; init; }

    /// <summary>Sampled rows whose column is not null, so that two empty columns do not pass for copies.</summary>
    public required int ValuedRows { get; init; }
}
