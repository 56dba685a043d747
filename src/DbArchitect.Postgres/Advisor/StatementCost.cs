namespace DbArchitect.Postgres.Advisor;

/// <summary>One workload statement's planner cost without and with the recommended indexes.</summary>
public sealed record StatementCost
{
    public required string Statement { get; init; }
    public required long Calls { get; init; }
    public required double CostBefore { get; init; }
    public required double CostAfter { get; init; }

    /// <summary>Recommended indexes (qualified names) the plan with them uses.</summary>
    public IReadOnlyList<string> IndexesUsed { get; init; } = [];

    /// <summary>Why the statement could not be planned, when it could not.</summary>
    public string? Skipped { get; init; }

    public double Saving => CostBefore - CostAfter;
}
