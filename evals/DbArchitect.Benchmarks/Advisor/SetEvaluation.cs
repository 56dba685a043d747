namespace DbArchitect.Benchmarks.Advisor;

/// <summary>One recommendation set as the evaluator measured it; costs are in workload order, null where a statement could not be planned.</summary>
internal sealed record SetEvaluation
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Indexes { get; init; }
    public required IReadOnlyList<string> NotSimulated { get; init; }
    public required long Bytes { get; init; }
    public required IReadOnlyList<double?> Costs { get; init; }

    /// <summary>Σ calls × total cost over the statements that could be planned.</summary>
    public required double Total { get; init; }
}
