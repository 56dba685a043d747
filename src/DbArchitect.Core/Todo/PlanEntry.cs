using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Todo;

/// <summary>A <c>DB-PLAN-x.y</c> entry: one area of change and the items that carry it out.</summary>
public sealed record PlanEntry
{
    /// <summary><c>DB-PLAN-x.y</c>; x is the area's number, y its sequence within the area.</summary>
    public required string Id { get; init; }
    public required bool Done { get; init; }
    public required string Title { get; init; }
    public required FindingArea Area { get; init; }

    /// <summary>Stable identity used to keep the ID when the TODO is regenerated (area + rule id).</summary>
    public required string Key { get; init; }

    public IReadOnlyList<string> TablesAffected { get; init; } = [];
    public required string MigrationStrategy { get; init; }
    public required string RollbackPlan { get; init; }
    public required string PerformanceImpact { get; init; }

    /// <summary>IDs of the DB-ITEMs that implement this plan entry.</summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];
}
