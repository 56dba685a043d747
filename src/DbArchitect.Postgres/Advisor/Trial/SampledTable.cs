namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>How many of a target table's rows the scratch copy holds, so figures measured there can be scaled.</summary>
public sealed record SampledTable
{
    public required TrialTable Table { get; init; }

    /// <summary>Rows copied into the scratch copy.</summary>
    public required long SampleRows { get; init; }

    /// <summary>The target's row estimate (reltuples); never less than the rows copied.</summary>
    public required long TargetRows { get; init; }

    /// <summary>Why no rows could be copied (no read privilege, statement timeout, rows the copy refused); null when copied.</summary>
    public string? NotCopied { get; init; }

    /// <summary>Sample rows over target rows; 1 for an empty table.</summary>
    public double Fraction => TargetRows == 0 ? 1.0 : (double)SampleRows / TargetRows;

    /// <summary>A size measured on the sample, scaled to the target's row count.</summary>
    public long Scale(long sampleBytes) => SampleRows == 0 ? sampleBytes : (long)Math.Round((double)sampleBytes * TargetRows / SampleRows);
}
