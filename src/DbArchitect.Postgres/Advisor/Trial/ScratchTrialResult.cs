namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>
/// Everything one scratch trial measured. When the trial could not run at all (no PostgreSQL
/// binaries, the cluster did not start, the target's schema could not be read or loaded),
/// <see cref="NotRun"/> says why in one line and the advisor falls back to plan-only heuristics.
/// </summary>
public sealed record ScratchTrialResult
{
    /// <summary>Why nothing was measured; null when the trial ran.</summary>
    public string? NotRun { get; init; }

    public bool Ran => NotRun is null;

    /// <summary>One per candidate, in the order given (empty when the trial did not run).</summary>
    public IReadOnlyList<IndexTrialResult> Indexes { get; init; } = [];

    /// <summary>Every table copied (or not) into the scratch copy.</summary>
    public IReadOnlyList<SampledTable> Tables { get; init; } = [];

    /// <summary>Statements that could not be planned on the target, and why; they were left out of every trial.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static ScratchTrialResult NotRunBecause(string reason) => new() { NotRun = reason };
}
