namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>What a real index built on the scratch copy showed: its size scaled to the target, and each statement's cost ratio.</summary>
public sealed record IndexTrialResult
{
    public required IndexCandidate Candidate { get; init; }

    /// <summary>The sample the index was built on; null when the candidate's table could not be found.</summary>
    public SampledTable? Sample { get; init; }

    /// <summary>pg_relation_size of the index on the scratch copy.</summary>
    public long SampleBytes { get; init; }

    /// <summary><see cref="SampleBytes"/> scaled by the target's rows over the sample's.</summary>
    public long EstimatedBytes { get; init; }

    /// <summary>The workload statements that read the candidate's table.</summary>
    public IReadOnlyList<TrialStatementCost> Statements { get; init; } = [];

    /// <summary>Why the index could not be tried (its table not copied, its prerequisite or CREATE INDEX failed); null when measured.</summary>
    public string? Failed { get; init; }

    public bool Measured => Failed is null;

    public EvidenceSource Evidence => EvidenceSource.ScratchTrial;

    /// <summary>For the reader, e.g. "real GIN index on a scratch copy holding 50,000 of 1,200,000 rows".</summary>
    public required string EvidenceNote { get; init; }
}
