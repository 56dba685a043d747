using System.Diagnostics;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Advisor.Costing;
using DbArchitect.Postgres.Advisor.Selection;
using DbArchitect.Postgres.Advisor.Trial;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Workload;
using Npgsql;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// The what-if index advisor: plans the workload on the target, derives candidates from the plans,
/// costs each with hypopg (nothing is written), selects the set that saves most cost × calls net
/// of upkeep within the budgets (CP-SAT, greedy as fallback), then plans the workload again with
/// the whole set to report the real before → after of every statement. What hypopg cannot
/// simulate (GIN, or everything when the target lacks hypopg) goes to <paramref name="trial"/>, a
/// real index on a scratch copy, when one is given; otherwise it is named and left uncosted.
/// </summary>
/// <param name="dataSource">The read-only target session.</param>
/// <param name="trial">Scratch trials for what hypopg cannot cost; null for none.</param>
/// <param name="scratch">A scratch cluster the trial may use instead of starting its own.</param>
public sealed class IndexAdvisor(NpgsqlDataSource dataSource, ScratchIndexTrial? trial = null, ScratchCluster? scratch = null)
{
    public IndexAdvisor(TargetSession session, ScratchIndexTrial? trial = null, ScratchCluster? scratch = null)
        : this(session.DataSource, trial, scratch)
    {
    }

    public async Task<AdvisorResult> AdviseAsync(IReadOnlyList<WorkloadStatement> workload, AdvisorOptions options, CancellationToken cancellationToken)
    {
        var snapshot = await new CatalogReader(dataSource).ReadAsync(cancellationToken).ConfigureAwait(false);
        return await AdviseAsync(workload, snapshot, options, cancellationToken).ConfigureAwait(false);
    }

    public Task<AdvisorResult> AdviseAsync(IReadOnlyList<WorkloadStatement> workload, CatalogSnapshot snapshot, AdvisorOptions options, CancellationToken cancellationToken) =>
        AdviseAsync(workload, planned: null, snapshot, options, cancellationToken);

    /// <summary>Advice for statements already planned on the target (the workload review's plans): they are the baseline, not planned again.</summary>
    public Task<AdvisorResult> AdviseAsync(IReadOnlyList<WorkloadPlan> planned, CatalogSnapshot snapshot, AdvisorOptions options, CancellationToken cancellationToken) =>
        AdviseAsync([.. planned.Select(p => p.Statement)], planned, snapshot, options, cancellationToken);

    private async Task<AdvisorResult> AdviseAsync(IReadOnlyList<WorkloadStatement> workload, IReadOnlyList<WorkloadPlan>? planned, CatalogSnapshot snapshot, AdvisorOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var session = await HypotheticalIndexSession.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var costing = new WhatIfCosting(dataSource, session);
        var statements = planned is null ? await costing.BaselineAsync(workload, cancellationToken).ConfigureAwait(false) : WhatIfCosting.Baseline(planned);
        var tables = TableFacts.Index(snapshot);
        var candidates = CandidateGenerator.Generate(statements.SelectMany(s => s.Accesses).ToList(), tables, options.CategoryMaximumDistinct);

        var notes = new List<string>();
        if (session is null)
        {
            notes.Add("hypopg is not installed in the target database (CREATE EXTENSION hypopg), so no index could be simulated there");
        }

        var measurements = new List<CandidateMeasurement>();
        foreach (var candidate in candidates.Where(c => c.Hypothetical && costing.CanSimulate))
        {
            try
            {
                measurements.Add(await costing.MeasureAsync(candidate, statements, cancellationToken).ConfigureAwait(false));
            }
            catch (PostgresException e) when (!e.IsTransient)
            {
                // The server is the judge of what can be indexed: an expression whose functions are
                // not immutable, say. The candidate is named with its reason and the advice goes on.
                notes.Add($"{candidate.Definition}: not costed ({e.MessageText})");
            }
        }

        var untried = candidates.Where(c => !c.Hypothetical || !costing.CanSimulate).ToList();
        measurements.AddRange(await TryOnScratchAsync(untried, statements, notes, cancellationToken).ConfigureAwait(false));

        var writeShare = statements.Any(s => s.Statement.Source != WorkloadSource.File)
            ? await WriteShare.ReadAsync(dataSource, snapshot, cancellationToken).ConfigureAwait(false)
            : 0;
        var problem = Problem(statements, measurements, tables, writeShare, options);
        var selection = options.UseSolver ? CpSatSelector.Select(problem, options.SolverTimeLimit) : GreedySelector.Select(problem);
        var chosen = selection.Chosen.Select(i => measurements[i]).ToList();
        var names = IndexNames.Assign(chosen.Select(m => m.Candidate).ToList(), snapshot);
        chosen = chosen.Select((m, i) => m with { Candidate = names[i] }).ToList();

        // The model adds savings per table; the real planner decides with all indexes present.
        // Drop what it then ignores and look again, so every recommendation is used by some plan.
        var verified = await VerifyAsync(costing, chosen, statements, cancellationToken).ConfigureAwait(false);
        while (verified.Unused.Count > 0)
        {
            chosen = chosen.Where(m => !verified.Unused.Contains(m)).ToList();
            verified = await VerifyAsync(costing, chosen, statements, cancellationToken).ConfigureAwait(false);
        }

        if (statements.Count > 0 && statements.All(s => s.Statement.Source == WorkloadSource.File))
        {
            notes.Add("the workload file gives no call counts, so write overhead is reported for each index but not weighed against its savings");
        }

        notes.AddRange(statements.Where(s => s.Skipped is not null).Select(s => $"not planned: {SqlText.OneLine(s.Statement.Text)} ({s.Skipped})"));
        return new AdvisorResult
        {
            Statements = verified.Costs,
            Recommendations = chosen.Select(m => Recommend(m, verified, tables)).ToList(),
            Redundant = Consolidation.Redundant(chosen.Select(m => m.Candidate), snapshot),
            Candidates = candidates,
            CandidatesCosted = measurements.Count,
            SelectionMethod = selection.Method,
            Notes = notes,
            Elapsed = clock.Elapsed,
        };
    }

    // writeShare: the share of the tables' counted writes that fall into the statements' counting
    // window; 0 when the workload is only a file, whose statements carry no frequency to weigh writes against.
    private async Task<IReadOnlyList<CandidateMeasurement>> TryOnScratchAsync(IReadOnlyList<IndexCandidate> untried, IReadOnlyList<PlannedStatement> statements, List<string> notes, CancellationToken cancellationToken)
    {
        if (untried.Count == 0)
        {
            return [];
        }

        if (trial is null)
        {
            notes.AddRange(untried.Select(c => $"{c.Definition}: not costed (hypopg cannot simulate it and no scratch trial was allowed)"));
            return [];
        }

        var planned = statements.Where(s => s.Plan is not null).ToList();
        var result = await trial.RunAsync(untried, planned.Select(s => s.Statement.Text).ToList(), scratch, cancellationToken).ConfigureAwait(false);
        if (result.NotRun is { } reason)
        {
            notes.Add($"{reason}; {untried.Count} candidate(s) hypopg cannot simulate were not costed");
            return [];
        }

        var measurements = new List<CandidateMeasurement>();
        foreach (var tried in result.Indexes)
        {
            if (tried.Failed is { } failure)
            {
                notes.Add($"{tried.Candidate.Definition}: scratch trial failed ({failure})");
                continue;
            }

            // Costs on a sample are smaller than on the target; the sample's after/before ratio is
            // what carries over, applied to the target's own cost.
            var costs = tried.Statements
                .Where(t => t.UsesIndex && t.Skipped is null)
                .SelectMany(t => planned.Where(p => p.Statement.Text == t.Statement).Select(p => (p.Id, Cost: p.Cost * t.Ratio)))
                .ToDictionary(x => x.Id, x => x.Cost);
            measurements.Add(new CandidateMeasurement(tried.Candidate, tried.EstimatedBytes, costs, EvidenceSource.ScratchTrial));
            notes.Add($"{tried.Candidate.Definition}: {tried.EvidenceNote}");
        }

        return measurements;
    }

    private static SelectionProblem Problem(IReadOnlyList<PlannedStatement> statements, IReadOnlyList<CandidateMeasurement> measurements, IReadOnlyDictionary<(string, string), TableFacts> tables, double writeShare, AdvisorOptions options)
    {
        var slots = new Dictionary<(int Statement, string Table), int>();
        var benefits = new List<Benefit>();
        for (var i = 0; i < measurements.Count; i++)
        {
            var measurement = measurements[i];
            foreach (var (id, costWith) in measurement.CostWith)
            {
                var before = statements[id].Cost;
                var saving = before - costWith;
                if (saving <= 0 || saving < options.MinimumImprovement * before)
                {
                    continue;
                }

                var key = (id, measurement.Candidate.QualifiedTable);
                if (!slots.TryGetValue(key, out var slot))
                {
                    slot = slots[key] = slots.Count;
                }

                benefits.Add(new Benefit(i, slot, saving * statements[id].Statement.Calls));
            }
        }

        var workloadCost = statements.Sum(s => s.Cost * s.Statement.Calls);
        var tableBytes = statements.SelectMany(s => s.Accesses).Select(a => (a.Schema, a.Table)).Distinct()
            .Sum(key => tables.TryGetValue(key, out var facts) ? facts.Table.TableBytes : 0);
        var costPerByte = Upkeep.CostPerByte(workloadCost, tableBytes);
        return new SelectionProblem
        {
            Penalties = measurements.Select(m => Upkeep.Penalty(m.Candidate.Method, m.Bytes, (long)(writeShare * Upkeep.WritesToMaintain(Table(m.Candidate, tables))), costPerByte)).ToList(),
            Bytes = measurements.Select(m => m.Bytes).ToList(),
            Benefits = benefits,
            MaxIndexes = options.MaxIndexes,
            StorageBudgetBytes = options.StorageBudgetBytes,
        };
    }

    private static async Task<Verification> VerifyAsync(WhatIfCosting costing, IReadOnlyList<CandidateMeasurement> chosen, IReadOnlyList<PlannedStatement> statements, CancellationToken cancellationToken)
    {
        var (plans, indexes) = await costing.PlanWithAsync(chosen.Select(m => m.Candidate), statements, cancellationToken).ConfigureAwait(false);
        var costs = new List<StatementCost>();
        var used = new HashSet<IndexCandidate>();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var names = plans[i] is { } plan ? indexes.Where(x => WhatIfCosting.Uses(plan, x)).Select(x => x.Candidate).ToList() : [];
            used.UnionWith(names);
            costs.Add(new StatementCost
            {
                Statement = statement.Statement.Text,
                Calls = statement.Statement.Calls,
                CostBefore = statement.Cost,
                CostAfter = plans[i]?.Plan.TotalCost ?? statement.Cost,
                IndexesUsed = names.Select(c => c.QualifiedName).ToList(),
                Skipped = statement.Skipped,
            });
        }

        // A scratch trial's index cannot join the hypothetical set; its measured ratio stands in.
        foreach (var measured in chosen.Where(m => m.Evidence == EvidenceSource.ScratchTrial))
        {
            foreach (var (id, costWith) in measured.CostWith.Where(c => c.Value < costs[c.Key].CostAfter))
            {
                costs[id] = costs[id] with { CostAfter = costWith, IndexesUsed = [.. costs[id].IndexesUsed, measured.Candidate.QualifiedName] };
                used.Add(measured.Candidate);
            }
        }

        var sizes = indexes.ToDictionary(x => x.Candidate, x => x.EstimatedBytes);
        return new Verification(costs, chosen.Where(m => !used.Contains(m.Candidate)).ToList(), sizes);
    }

    private static IndexRecommendation Recommend(CandidateMeasurement measurement, Verification verified, IReadOnlyDictionary<(string, string), TableFacts> tables) => new()
    {
        Index = measurement.Candidate,
        EstimatedBytes = verified.Sizes.GetValueOrDefault(measurement.Candidate, measurement.Bytes),
        Helps = verified.Costs.Where(c => c.IndexesUsed.Contains(measurement.Candidate.QualifiedName)).ToList(),
        WritesToMaintain = Upkeep.WritesToMaintain(Table(measurement.Candidate, tables)),
        Evidence = measurement.Evidence,
    };

    private static TableInfo? Table(IndexCandidate candidate, IReadOnlyDictionary<(string, string), TableFacts> tables) =>
        tables.TryGetValue((candidate.Schema, candidate.Table), out var facts) ? facts.Table : null;


    private sealed record Verification(IReadOnlyList<StatementCost> Costs, IReadOnlyList<CandidateMeasurement> Unused, IReadOnlyDictionary<IndexCandidate, long> Sizes);
}
