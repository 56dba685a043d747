using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>A set of indexes with its estimated size and the Σ calls × cost it leaves its statements with.</summary>
internal sealed record IndexChoice(IReadOnlyList<IndexCandidate> Indexes, long Bytes, double Cost);
