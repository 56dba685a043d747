using System.Diagnostics;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The best index set the advisor's own candidates allow: every subset of each component's
/// candidates re-planned with hypopg (see <see cref="ComponentPlanner"/>), the per-component Pareto
/// frontiers combined, and the cheapest combination taken with and without a byte budget.
/// </summary>
internal sealed class ExhaustiveSearch(HypotheticalIndexSession session, int maxCandidatesPerComponent)
{
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
        foreach (var component in components)
        {
            var statements = component.Statements.Select(i => (workload[i], plansWithoutIndexes[i].Tables)).ToList();
            var (choices, report) = await SearchComponentAsync(component.Candidates, statements, ours, cancellationToken).ConfigureAwait(false);
            frontier = ParetoFrontier.Combine(frontier, choices);
            reports.Add(report);
        }

        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        var inComponents = components.SelectMany(component => component.Statements).ToHashSet();
        var unaffected = workload.Select((statement, i) => inComponents.Contains(i) ? 0 : statement.Calls * (plansWithoutIndexes[i].Cost ?? 0)).Sum();
        IndexChoice WithUnaffected(IndexChoice choice) => choice with { Cost = choice.Cost + unaffected };
        return new ExhaustiveResult
        {
            Unconstrained = WithUnaffected(frontier.MinBy(choice => choice.Cost)!),
            WithinBudget = WithUnaffected(frontier.Where(choice => choice.Bytes <= byteBudget).MinBy(choice => choice.Cost)!),
            Components = reports,
            Elapsed = watch.Elapsed,
        };
    }

    private async Task<(IReadOnlyList<IndexChoice> Frontier, ComponentReport Report)> SearchComponentAsync(
        IReadOnlyList<IndexCandidate> candidates,
        IReadOnlyList<(BenchmarkStatement Statement, IReadOnlySet<string> Tables)> statements,
        IReadOnlyList<IndexCandidate> ours,
        CancellationToken cancellationToken)
    {
        var planner = await ComponentPlanner.OpenAsync(session, candidates, statements, cancellationToken).ConfigureAwait(false);
        var plansRun = 0;
        var enumerated = candidates;
        var enumerator = planner;
        var note = "all subsets";
        if (candidates.Count > maxCandidatesPerComponent)
        {
            // An index no plan uses on its own rarely pays in company; leaving such out is the one
            // concession that keeps a large component enumerable, and the report says so.
            var kept = new List<IndexCandidate>();
            for (var i = 0; i < candidates.Count; i++)
            {
                if (await planner.UsedAloneAsync(i, cancellationToken).ConfigureAwait(false))
                {
                    kept.Add(candidates[i]);
                }
            }

            note = $"all subsets of the {kept.Count} candidates some plan uses on its own";
            enumerated = kept;
            plansRun += planner.PlansRun;
            enumerator = await ComponentPlanner.OpenAsync(session, kept, statements, cancellationToken).ConfigureAwait(false);
        }

        IEnumerable<int> subsets;
        if (enumerated.Count <= maxCandidatesPerComponent)
        {
            subsets = Enumerable.Range(0, 1 << enumerated.Count).Reverse();
        }
        else
        {
            note = $"too large to enumerate ({enumerated.Count} candidates some plan uses on its own): ours stands in";
            enumerated = candidates;
            plansRun += enumerator.PlansRun;
            enumerator = await ComponentPlanner.OpenAsync(session, candidates, statements, cancellationToken).ConfigureAwait(false);
            var oursShapes = ours.Select(index => index.Shape).ToHashSet(StringComparer.Ordinal);
            subsets = [Enumerable.Range(0, candidates.Count).Where(i => oursShapes.Contains(candidates[i].Shape)).Aggregate(0, (mask, i) => mask | 1 << i)];
        }

        var priced = new List<(int Subset, long Bytes, double Cost)>();
        foreach (var subset in subsets)
        {
            priced.Add((subset, enumerator.Bytes(subset), await enumerator.CostAsync(subset, cancellationToken).ConfigureAwait(false)));
        }

        var frontier = ParetoFrontier.Of(priced, p => p.Bytes, p => p.Cost).Select(p => new IndexChoice(enumerator.Indexes(p.Subset), p.Bytes, p.Cost)).ToList();

        var tables = candidates.Select(candidate => candidate.QualifiedTable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (frontier, new ComponentReport(tables, candidates.Count, statements.Count, priced.Count, plansRun + enumerator.PlansRun, note));
    }
}

/// <summary>The exhaustive optimum, predicted from the component searches (the benchmark re-evaluates both sets with the shared evaluator).</summary>
internal sealed record ExhaustiveResult
{
    public required IndexChoice Unconstrained { get; init; }

    /// <summary>The best set no larger than the budget (our set's bytes).</summary>
    public required IndexChoice WithinBudget { get; init; }

    public required IReadOnlyList<ComponentReport> Components { get; init; }
    public required TimeSpan Elapsed { get; init; }
}

/// <summary>How one component was searched.</summary>
internal sealed record ComponentReport(IReadOnlyList<string> Tables, int Candidates, int Statements, int SubsetsPriced, int PlansRun, string Method);
