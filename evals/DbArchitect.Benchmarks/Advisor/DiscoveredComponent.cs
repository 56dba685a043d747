using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>A component too large to enumerate, as the plans found for its statements (see <see cref="ComponentPlanner.DiscoverPlansAsync"/>).</summary>
internal sealed record DiscoveredComponent(IReadOnlyList<IndexCandidate> Candidates, IReadOnlyList<long> Sizes, IReadOnlyList<DiscoveredStatement> Statements);

/// <summary>One statement's calls and every plan it can get: the indexes it uses (a bit mask over the component's candidates) and its cost.</summary>
internal sealed record DiscoveredStatement(long Calls, IReadOnlyList<(long Used, double Cost)> Plans);
