using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Tools.Grounding;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// The indexes the deterministic findings already propose, read once per run: they need no costing
/// to enter the plan, and <c>cost_index</c> measures a new index on top of them.
/// </summary>
public sealed class ProposedIndexes
{
    private readonly HashSet<string> _shapes;

    public ProposedIndexes(IReadOnlyList<Finding> findings, CatalogSnapshot snapshot)
    {
        Indexes = [.. findings.Where(f => f.Remedy is not null)
            .SelectMany(f => CreateIndexReader.ReadAll(f.Remedy!.Up, snapshot))
            .DistinctBy(IndexCostingCheck.Shape)];
        _shapes = Indexes.Select(IndexCostingCheck.Shape).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<IndexCandidate> Indexes { get; }

    /// <summary>Whether an index of this shape (<see cref="IndexCostingCheck.Shape"/>) is among them.</summary>
    public bool Contains(string shape) => _shapes.Contains(shape);
}
