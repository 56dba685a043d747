namespace DbArchitect.Postgres.Explain;

/// <summary>
/// One node of an execution plan as PostgreSQL reports it in EXPLAIN (FORMAT JSON). Actual-* and
/// buffer figures are present only when the plan was run with ANALYZE (and BUFFERS).
/// </summary>
public sealed record PlanNode
{
    public required string NodeType { get; init; }
    public string? ParentRelationship { get; init; }
    public string? RelationName { get; init; }
    public string? Schema { get; init; }
    public string? Alias { get; init; }
    public string? IndexName { get; init; }
    public string? JoinType { get; init; }
    public string? Strategy { get; init; }

    public double StartupCost { get; init; }
    public double TotalCost { get; init; }
    public double PlanRows { get; init; }
    public int PlanWidth { get; init; }

    public double? ActualStartupTime { get; init; }
    public double? ActualTotalTime { get; init; }
    public double? ActualRows { get; init; }
    public double? ActualLoops { get; init; }

    public long? SharedHitBlocks { get; init; }
    public long? SharedReadBlocks { get; init; }
    public long? TempReadBlocks { get; init; }
    public long? TempWrittenBlocks { get; init; }

    public string? SortMethod { get; init; }
    public long? SortSpaceUsedKb { get; init; }

    /// <summary>"Memory" or "Disk".</summary>
    public string? SortSpaceType { get; init; }
    public IReadOnlyList<string> SortKey { get; init; } = [];
    public IReadOnlyList<string> GroupKey { get; init; } = [];
    public long? HashBatches { get; init; }
    public long? OriginalHashBatches { get; init; }
    public long? PeakMemoryUsageKb { get; init; }

    public string? Filter { get; init; }
    public double? RowsRemovedByFilter { get; init; }
    public string? IndexCondition { get; init; }
    public string? RecheckCondition { get; init; }
    public double? RowsRemovedByIndexRecheck { get; init; }
    public string? HashCondition { get; init; }
    public string? MergeCondition { get; init; }
    public string? JoinFilter { get; init; }
    public double? RowsRemovedByJoinFilter { get; init; }
    public double? HeapFetches { get; init; }
    public IReadOnlyList<string> Output { get; init; } = [];

    public int? WorkersPlanned { get; init; }
    public int? WorkersLaunched { get; init; }

    public IReadOnlyList<PlanNode> Children { get; init; } = [];

    /// <summary>This node and all below it, depth first.</summary>
    public IEnumerable<PlanNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var node in Children.SelectMany(child => child.DescendantsAndSelf()))
        {
            yield return node;
        }
    }
}
