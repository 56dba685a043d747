using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The one yardstick every recommendation set is measured with: a clean hypothetical-index session
/// holding exactly the set, every workload statement re-planned, Σ calls × total cost, and the
/// set's size as hypopg estimates it. Indexes hypopg cannot simulate (GIN) are listed, not counted.
/// </summary>
internal sealed class IndexSetEvaluator(HypotheticalIndexSession session, IReadOnlyList<BenchmarkStatement> workload)
{
    public async Task<SetEvaluation> EvaluateAsync(string name, IReadOnlyList<IndexCandidate> indexes, CancellationToken cancellationToken)
    {
        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        var distinct = indexes.DistinctBy(index => index.Shape).ToList();
        var simulated = distinct.Where(index => index.Hypothetical).ToList();
        var bytes = 0L;
        foreach (var index in simulated)
        {
            bytes += (await session.CreateAsync(index, cancellationToken).ConfigureAwait(false)).EstimatedBytes;
        }

        var costs = new List<double?>();
        foreach (var statement in workload)
        {
            costs.Add((await StatementPlan.PlanAsync(session, statement.Text, cancellationToken).ConfigureAwait(false)).Cost);
        }

        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        return new SetEvaluation
        {
            Name = name,
            Indexes = simulated.Select(index => index.Definition).ToList(),
            NotSimulated = distinct.Except(simulated).Select(index => index.Definition).ToList(),
            Bytes = bytes,
            Costs = costs,
            Total = workload.Zip(costs).Sum(pair => pair.First.Calls * (pair.Second ?? 0)),
        };
    }
}
