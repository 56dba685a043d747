using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// Prices subsets of one component's candidates (bit i of a long subset is candidate i) with hypopg.
/// A plan taken with the set S that uses only U ⊆ S prices every set between U and S alike: each of
/// those offers the planner the plan it chose and no path it did not already have. Subsets visited
/// from large to small are therefore mostly priced from an earlier plan; the rest are planned.
/// </summary>
internal sealed class ComponentPlanner
{
    private readonly HypotheticalIndexSession session;
    private readonly IReadOnlyList<IndexCandidate> candidates;
    private readonly IReadOnlyList<(BenchmarkStatement Statement, long Relevant)> statements;
    private readonly HypotheticalIndex?[] live;
    private readonly List<KnownPlan>[] known;
    private readonly Dictionary<long, KnownPlan>[] priced;

    private ComponentPlanner(HypotheticalIndexSession session, IReadOnlyList<IndexCandidate> candidates, IReadOnlyList<(BenchmarkStatement, long)> statements, long[] sizes)
    {
        this.session = session;
        this.candidates = candidates;
        this.statements = statements;
        Sizes = sizes;
        live = new HypotheticalIndex?[candidates.Count];
        known = statements.Select(_ => new List<KnownPlan>()).ToArray();
        priced = statements.Select(_ => new Dictionary<long, KnownPlan>()).ToArray();
    }

    /// <summary>hypopg's size estimate per candidate.</summary>
    public IReadOnlyList<long> Sizes { get; }

    public int PlansRun { get; private set; }

    public static async Task<ComponentPlanner> OpenAsync(HypotheticalIndexSession session, IReadOnlyList<IndexCandidate> candidates, IEnumerable<(BenchmarkStatement Statement, IReadOnlySet<string> Tables)> statements, CancellationToken cancellationToken)
    {
        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        var sizes = new long[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var index = await session.CreateAsync(candidates[i], cancellationToken).ConfigureAwait(false);
            sizes[i] = index.EstimatedBytes;
            await session.DropAsync(index, cancellationToken).ConfigureAwait(false);
        }

        // A statement can only be helped by candidates on tables it reads; its cost depends on those bits alone.
        var relevant = statements
            .Select(pair => (pair.Statement, Enumerable.Range(0, candidates.Count)
                .Where(i => pair.Tables.Contains(candidates[i].QualifiedTable))
                .Aggregate(0L, (mask, i) => mask | 1L << i)))
            .ToList();
        return new ComponentPlanner(session, candidates, relevant, sizes);
    }

    public long Bytes(long subset)
    {
        var bytes = 0L;
        for (var i = 0; i < candidates.Count; i++)
        {
            bytes += (subset >> i & 1) * Sizes[i];
        }

        return bytes;
    }

    public IReadOnlyList<IndexCandidate> Indexes(long subset) => Enumerable.Range(0, candidates.Count).Where(i => (subset >> i & 1) == 1).Select(i => candidates[i]).ToList();

    /// <summary>Σ calls × cost over the component's statements with exactly this subset of candidates.</summary>
    public async ValueTask<double> CostAsync(long subset, CancellationToken cancellationToken)
    {
        var total = 0.0;
        for (var q = 0; q < statements.Count; q++)
        {
            total += statements[q].Statement.Calls * (await PriceAsync(q, subset & statements[q].Relevant, cancellationToken).ConfigureAwait(false)).Cost;
        }

        return total;
    }

    /// <summary>
    /// Every plan the statement can get from subsets of its candidates, as (indexes used, cost),
    /// without visiting every subset: the plan for S uses U and prices every set between U and S;
    /// every other subset of S lacks some u ∈ U, so exploring S∖{u} for each u reaches them all.
    /// The cost of any subset is then the cheapest found plan whose indexes it holds.
    /// </summary>
    public async Task<IReadOnlyList<(long Used, double Cost)>> DiscoverPlansAsync(int statement, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, double>();
        var visited = new HashSet<long>();
        var pending = new Stack<long>();
        pending.Push(statements[statement].Relevant);
        while (pending.TryPop(out var subset))
        {
            if (!visited.Add(subset))
            {
                continue;
            }

            var plan = await PriceAsync(statement, subset, cancellationToken).ConfigureAwait(false);
            found.TryAdd(plan.Used, plan.Cost);
            for (var i = 0; i < candidates.Count; i++)
            {
                if ((plan.Used >> i & 1) == 1)
                {
                    pending.Push(subset & ~(1L << i));
                }
            }
        }

        return [.. found.Select(pair => (pair.Key, pair.Value))];
    }

    public int StatementCount => statements.Count;

    public long Calls(int statement) => statements[statement].Statement.Calls;

    private async ValueTask<KnownPlan> PriceAsync(int statement, long subset, CancellationToken cancellationToken)
    {
        if (priced[statement].TryGetValue(subset, out var seen))
        {
            return seen;
        }

        foreach (var earlier in known[statement])
        {
            if ((subset & ~earlier.Created) == 0 && (earlier.Used & ~subset) == 0)
            {
                priced[statement][subset] = earlier;
                return earlier;
            }
        }

        await CreateExactlyAsync(subset, cancellationToken).ConfigureAwait(false);
        var planned = await StatementPlan.PlanAsync(session, statements[statement].Statement.Text, cancellationToken).ConfigureAwait(false);
        PlansRun++;
        var used = Enumerable.Range(0, live.Length)
            .Where(i => live[i] is { } index && planned.HypotheticalIndexesUsed.Contains(index.Oid))
            .Aggregate(0L, (mask, i) => mask | 1L << i);
        var plan = new KnownPlan(subset, used, planned.Cost ?? throw new InvalidOperationException($"{statements[statement].Statement.Label} could not be planned with hypothetical indexes: {planned.Error}"));
        known[statement].Add(plan);
        priced[statement][subset] = plan;
        return plan;
    }

    private async Task CreateExactlyAsync(long subset, CancellationToken cancellationToken)
    {
        for (var i = 0; i < live.Length; i++)
        {
            var wanted = (subset >> i & 1) == 1;
            if (wanted && live[i] is null)
            {
                live[i] = await session.CreateAsync(candidates[i], cancellationToken).ConfigureAwait(false);
            }
            else if (!wanted && live[i] is { } index)
            {
                await session.DropAsync(index, cancellationToken).ConfigureAwait(false);
                live[i] = null;
            }
        }
    }

    /// <summary>A plan taken with the candidates in Created present, of which it used those in Used.</summary>
    private sealed record KnownPlan(long Created, long Used, double Cost);
}
