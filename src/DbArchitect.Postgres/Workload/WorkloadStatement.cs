namespace DbArchitect.Postgres.Workload;

/// <summary>One normalised statement of a workload and how it was used.</summary>
public sealed record WorkloadStatement
{
    /// <summary>Statement text; normalised (<c>$1</c> for constants) when it came from pg_stat_statements or a log.</summary>
    public required string Text { get; init; }

    /// <summary>Where it came from: pg_stat_statements, a workload file or a server log.</summary>
    public required WorkloadSource Source { get; init; }

    public long Calls { get; init; } = 1;
    public double TotalTimeMs { get; init; }
    public double MeanTimeMs => Calls == 0 ? 0 : TotalTimeMs / Calls;
    public long Rows { get; init; }
    public long SharedBlocksHit { get; init; }
    public long SharedBlocksRead { get; init; }
}

/// <summary>Kinds of workload source.</summary>
public enum WorkloadSource
{
    PgStatStatements,
    File,
    Log,
}
