namespace DbArchitect.Postgres.Advisor;

/// <summary>A chosen index with the measurements that justify it.</summary>
public sealed record IndexRecommendation
{
    public required IndexCandidate Index { get; init; }

    /// <summary>Estimated size: hypopg's estimate, or the trial index's real size scaled to the target.</summary>
    public required long EstimatedBytes { get; init; }

    /// <summary>The statements it helps, cost before → after with the whole recommended set.</summary>
    public required IReadOnlyList<StatementCost> Helps { get; init; }

    /// <summary>Rows written to the table since statistics were reset (inserts + non-HOT updates + deletes): each now maintains one more index.</summary>
    public required long WritesToMaintain { get; init; }

    public required EvidenceSource Evidence { get; init; }
}
