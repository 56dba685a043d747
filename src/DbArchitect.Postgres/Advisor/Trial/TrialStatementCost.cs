namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>
/// One statement's planner cost on the scratch copy without and with a trial index. Absolute costs
/// on a sample are smaller than the target's; <see cref="Ratio"/> is the figure to carry over.
/// </summary>
public sealed record TrialStatementCost
{
    public required string Statement { get; init; }
    public double CostBefore { get; init; }
    public double CostAfter { get; init; }

    /// <summary>Whether the plan with the index reads it.</summary>
    public bool UsesIndex { get; init; }

    /// <summary>Why the statement could not be planned on the scratch copy, when it could not.</summary>
    public string? Skipped { get; init; }

    /// <summary>Cost after over cost before: below 1 the index helps; 1 when nothing could be compared.</summary>
    public double Ratio => Skipped is null && CostBefore > 0 ? CostAfter / CostBefore : 1.0;
}
