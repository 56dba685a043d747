using System.Diagnostics;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The best index set the advisor's own candidates allow within a byte budget: every subset of each
/// component's candidates re-planned with hypopg (see <see cref="ComponentPlanner"/>), the
/// per-component Pareto frontiers combined, the cheapest combination within the budget taken.
/// A component above the enumeration limit is searched through the plans its statements can get
/// instead, and the combination is then solved by <see cref="BudgetedOptimum"/>.
/// </summary>
internal sealed class ExhaustiveSearch(HypotheticalIndexSession session, int maxCandidatesPerComponent)
{
    // Subsets are bit masks of a long.
    private const int MaskBits = 62;
    private static readonly TimeSpan SolverTimeLimit = TimeSpan.FromSeconds(60);

    public async Task<ExhaustiveResult> SearchAsync(
        IReadOnlyList<BenchmarkStatement> workload,
        IReadOnlyList<StatementPlan> plansWithoutIndexes,
        IReadOnlyList<IndexCandidate> candidates,
        IReadOnlyList<IndexCandidate> ours,
        IReadOnlyList<long> byteBudgets,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var simulated = candidates.Where(c => c.Hypothetical).DistinctBy(c => c.Shape).ToList();
        var components = CandidateComponent.Split(simulated, plansWithoutIndexes.Select(plan => plan.Cost is null ? null : plan.Tables).ToList());
        IReadOnlyList<IndexChoice> frontier = [new IndexChoice([], 0, 0)];
        var reports = new List<ComponentReport>();
        var discovered = new List<DiscoveredComponent>();
        var complete = true;
        foreach (var component in components)
        {
            var tables = component.Candidates.Select(candidate => candidate.QualifiedTable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var statements = component.Statements.Select(i => (workload[i], plansWithoutIndexes[i].Tables)).ToList();
            if (component.Candidates.Count > MaskBits)
            {
                reports.Add(new ComponentReport(tables, component.Candidates.Count, component.Statements.Count, 0, 0, "too large to search", null, null));
                complete = false;
                continue;
            }

            var planner = await ComponentPlanner.OpenAsync(session, component.Candidates, statements, cancellationToken).ConfigureAwait(false);
            if (component.Candidates.Count > maxCandidatesPerComponent)
            {
                var found = await DiscoverAsync(planner, cancellationToken).ConfigureAwait(false);
                discovered.Add(new DiscoveredComponent(component.Candidates, planner.Sizes, found));
                reports.Add(new ComponentReport(tables, component.Candidates.Count, component.Statements.Count, 0, planner.PlansRun,
                    $"too large to enumerate; {found.Sum(f => f.Plans.Count)} distinct plans discovered", null, null));
            }
            else
            {
                var (choices, report) = await EnumerateAsync(planner, component.Candidates, tables, ours, cancellationToken).ConfigureAwait(false);
                frontier = ParetoFrontier.Combine(frontier, choices);
                reports.Add(report);
            }
        }

        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        var inComponents = components.SelectMany(component => component.Statements).ToHashSet();
        var unaffected = workload.Select((statement, i) => inComponents.Contains(i) ? 0 : statement.Calls * (plansWithoutIndexes[i].Cost ?? 0)).Sum();
        IndexChoice? WithUnaffected(IndexChoice? choice) => choice is null ? null : choice with { Cost = choice.Cost + unaffected };
        var withinBudgets = byteBudgets.Select<long, (IndexChoice? Choice, string Method)>(budget => !complete ? (null, "not searched: a component is too large")
            : discovered.Count == 0 ? (frontier.Where(choice => choice.Bytes <= budget).MinBy(choice => choice.Cost), "every subset of every component")
            : BudgetedOptimum.Solve(frontier, discovered, budget, SolverTimeLimit)).ToList();
        return new ExhaustiveResult
        {
            Cheapest = complete && discovered.Count == 0 ? WithUnaffected(frontier.MinBy(choice => choice.Cost)) : null,
            WithinBudgets = [.. withinBudgets.Select(within => WithUnaffected(within.Choice))],
            Methods = [.. withinBudgets.Select(within => within.Method)],
            Components = reports,
            Elapsed = watch.Elapsed,
        };
    }

    private static async Task<(IReadOnlyList<IndexChoice> Frontier, ComponentReport Report)> EnumerateAsync(
        ComponentPlanner planner, IReadOnlyList<IndexCandidate> candidates, IReadOnlyList<string> tables, IReadOnlyList<IndexCandidate> ours, CancellationToken cancellationToken)
    {
        var priced = new List<(long Subset, long Bytes, double Cost)>();

        // Supersets first, so that most subsets are priced from a plan already taken.
        for (var subset = (1L << candidates.Count) - 1; subset >= 0; subset--)
        {
            priced.Add((subset, planner.Bytes(subset), await planner.CostAsync(subset, cancellationToken).ConfigureAwait(false)));
        }

        var frontier = ParetoFrontier.Of(priced, p => p.Bytes, p => p.Cost).Select(p => new IndexChoice(planner.Indexes(p.Subset), p.Bytes, p.Cost)).ToList();

        // Ours within this component, against the component's best in as many bytes: a local verdict.
        var oursShapes = ours.Select(index => index.Shape).ToHashSet(StringComparer.Ordinal);
        var oursSubset = Enumerable.Range(0, candidates.Count).Where(i => oursShapes.Contains(candidates[i].Shape)).Aggregate(0L, (mask, i) => mask | 1L << i);
        var oursChoice = new IndexChoice(planner.Indexes(oursSubset), planner.Bytes(oursSubset), await planner.CostAsync(oursSubset, cancellationToken).ConfigureAwait(false));
        var best = frontier.Where(choice => choice.Bytes <= oursChoice.Bytes).MinBy(choice => choice.Cost);
        return (frontier, new ComponentReport(tables, candidates.Count, planner.StatementCount, priced.Count, planner.PlansRun, "all subsets", oursChoice, best));
    }

    private static async Task<IReadOnlyList<DiscoveredStatement>> DiscoverAsync(ComponentPlanner planner, CancellationToken cancellationToken)
    {
        var found = new List<DiscoveredStatement>();
        for (var q = 0; q < planner.StatementCount; q++)
        {
            found.Add(new DiscoveredStatement(planner.Calls(q), await planner.DiscoverPlansAsync(q, cancellationToken).ConfigureAwait(false)));
        }

        return found;
    }
}

/// <summary>What the search predicted; sets are null where the search could not answer.</summary>
internal sealed record ExhaustiveResult
{
    /// <summary>The smallest set that reaches the lowest cost the candidates allow; found only when every component was enumerated.</summary>
    public required IndexChoice? Cheapest { get; init; }

    /// <summary>Per byte budget asked for, the cheapest set no larger than it.</summary>
    public required IReadOnlyList<IndexChoice?> WithinBudgets { get; init; }

    /// <summary>Per byte budget, how its set was found.</summary>
    public required IReadOnlyList<string> Methods { get; init; }

    public required IReadOnlyList<ComponentReport> Components { get; init; }
    public required TimeSpan Elapsed { get; init; }
}

/// <summary>How one component was searched; with ours there and the component's cheapest set in no more bytes, when enumerated.</summary>
internal sealed record ComponentReport(IReadOnlyList<string> Tables, int Candidates, int Statements, int SubsetsPriced, int PlansRun, string Method, IndexChoice? Ours, IndexChoice? BestWithinOurBytes);
