using System.Diagnostics;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The best index set the advisor's own candidates allow within a byte budget: every subset of each
/// component's candidates re-planned with hypopg (see <see cref="ComponentPlanner"/>), the
/// per-component Pareto frontiers combined, the cheapest combination within the budget taken.
/// </summary>
internal sealed class ExhaustiveSearch(HypotheticalIndexSession session, int maxCandidatesPerComponent)
{
    // Subsets are bit masks of an int.
    private const int MaskBits = 30;

    public async Task<ExhaustiveResult> SearchAsync(
        IReadOnlyList<BenchmarkStatement> workload,
        IReadOnlyList<StatementPlan> plansWithoutIndexes,
        IReadOnlyList<IndexCandidate> candidates,
        IReadOnlyList<IndexCandidate> ours,
        long byteBudget,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var simulated = candidates.Where(c => c.Hypothetical).DistinctBy(c => c.Shape).ToList();
        var components = CandidateComponent.Split(simulated, plansWithoutIndexes.Select(plan => plan.Cost is null ? null : plan.Tables).ToList());
        IReadOnlyList<IndexChoice> frontier = [new IndexChoice([], 0, 0)];
        var reports = new List<ComponentReport>();
        var complete = true;
        foreach (var component in components)
        {
            var tables = component.Candidates.Select(candidate => candidate.QualifiedTable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (component.Candidates.Count > Math.Min(maxCandidatesPerComponent, MaskBits))
            {
                reports.Add(new ComponentReport(tables, component.Candidates.Count, component.Statements.Count, 0, 0, "too large to enumerate", null, null));
                complete = false;
                continue;
            }

            var statements = component.Statements.Select(i => (workload[i], plansWithoutIndexes[i].Tables)).ToList();
            var planner = await ComponentPlanner.OpenAsync(session, component.Candidates, statements, cancellationToken).ConfigureAwait(false);
            var priced = new List<(int Subset, long Bytes, double Cost)>();

            // Supersets first, so that most subsets are priced from a plan already taken.
            for (var subset = (1 << component.Candidates.Count) - 1; subset >= 0; subset--)
            {
                priced.Add((subset, planner.Bytes(subset), await planner.CostAsync(subset, cancellationToken).ConfigureAwait(false)));
            }

            var choices = ParetoFrontier.Of(priced, p => p.Bytes, p => p.Cost).Select(p => new IndexChoice(planner.Indexes(p.Subset), p.Bytes, p.Cost)).ToList();
            frontier = ParetoFrontier.Combine(frontier, choices);

            // Ours within this component, against the component's best in as many bytes: a local verdict even when another component is too large.
            var oursShapes = ours.Select(index => index.Shape).ToHashSet(StringComparer.Ordinal);
            var oursSubset = Enumerable.Range(0, component.Candidates.Count).Where(i => oursShapes.Contains(component.Candidates[i].Shape)).Aggregate(0, (mask, i) => mask | 1 << i);
            var oursChoice = new IndexChoice(planner.Indexes(oursSubset), planner.Bytes(oursSubset), await planner.CostAsync(oursSubset, cancellationToken).ConfigureAwait(false));
            var bestChoice = choices.Where(choice => choice.Bytes <= oursChoice.Bytes).MinBy(choice => choice.Cost);
            reports.Add(new ComponentReport(tables, component.Candidates.Count, component.Statements.Count, priced.Count, planner.PlansRun, "all subsets", oursChoice, bestChoice));
        }

        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        var inComponents = components.SelectMany(component => component.Statements).ToHashSet();
        var unaffected = workload.Select((statement, i) => inComponents.Contains(i) ? 0 : statement.Calls * (plansWithoutIndexes[i].Cost ?? 0)).Sum();
        IndexChoice? Best(IEnumerable<IndexChoice> choices) => complete && choices.MinBy(choice => choice.Cost) is { } best ? best with { Cost = best.Cost + unaffected } : null;
        return new ExhaustiveResult
        {
            Cheapest = Best(frontier),
            WithinBudget = Best(frontier.Where(choice => choice.Bytes <= byteBudget)),
            Components = reports,
            Elapsed = watch.Elapsed,
        };
    }
}

/// <summary>What the search predicted; both sets null when some component was too large to enumerate.</summary>
internal sealed record ExhaustiveResult
{
    /// <summary>The smallest set that reaches the lowest cost the candidates allow.</summary>
    public required IndexChoice? Cheapest { get; init; }

    /// <summary>The cheapest set no larger than the budget (our set's bytes).</summary>
    public required IndexChoice? WithinBudget { get; init; }

    public required IReadOnlyList<ComponentReport> Components { get; init; }
    public required TimeSpan Elapsed { get; init; }
}

/// <summary>How one component was searched; with ours there and the component's cheapest set in no more bytes, when enumerated.</summary>
internal sealed record ComponentReport(IReadOnlyList<string> Tables, int Candidates, int Statements, int SubsetsPriced, int PlansRun, string Method, IndexChoice? Ours, IndexChoice? BestWithinOurBytes);
