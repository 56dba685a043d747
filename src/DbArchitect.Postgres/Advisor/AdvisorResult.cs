namespace DbArchitect.Postgres.Advisor;

/// <summary>What the advisor recommends for a workload, and the figures behind it.</summary>
public sealed record AdvisorResult
{
    /// <summary>Every workload statement, cost before and after the recommended set.</summary>
    public required IReadOnlyList<StatementCost> Statements { get; init; }
    public required IReadOnlyList<IndexRecommendation> Recommendations { get; init; }
    public IReadOnlyList<RedundantIndex> Redundant { get; init; } = [];

    /// <summary>Every candidate the plans suggested, chosen or not (the benchmark searches them exhaustively).</summary>
    public required IReadOnlyList<IndexCandidate> Candidates { get; init; }

    /// <summary>Candidates whose cost over the workload was measured, with hypopg on the target or on a scratch copy.</summary>
    public int CandidatesCosted { get; init; }

    /// <summary>"cp-sat (optimal)", "cp-sat (feasible)" or "greedy".</summary>
    public required string SelectionMethod { get; init; }

    /// <summary>What the reader should know: hypopg missing, GIN tried on a scratch copy, statements not planned.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required TimeSpan Elapsed { get; init; }

    public double TotalCostBefore => Statements.Sum(s => s.CostBefore * s.Calls);
    public double TotalCostAfter => Statements.Sum(s => s.CostAfter * s.Calls);
}
