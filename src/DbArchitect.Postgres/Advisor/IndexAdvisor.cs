using System.Diagnostics;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Advisor.Costing;
using DbArchitect.Postgres.Advisor.Selection;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Workload;
using Npgsql;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// The what-if index advisor: plans the workload on the target, derives candidates from the plans,
/// costs each with hypopg (nothing is written), selects the set that saves most cost × calls net
/// of upkeep within the budgets (CP-SAT, greedy as fallback), then plans the workload again with
/// the whole set to report the real before → after of every statement.
/// </summary>
public sealed class IndexAdvisor(NpgsqlDataSource dataSource)
{
    public async Task<AdvisorResult> AdviseAsync(IReadOnlyList<WorkloadStatement> workload, AdvisorOptions options, CancellationToken cancellationToken)
    {
        var snapshot = await new CatalogReader(dataSource).ReadAsync(cancellationToken).ConfigureAwait(false);
        return await AdviseAsync(workload, snapshot, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdvisorResult> AdviseAsync(IReadOnlyList<WorkloadStatement> workload, CatalogSnapshot snapshot, AdvisorOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var session = await HypotheticalIndexSession.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return new AdvisorResult
            {
                Statements = [],
                Recommendations = [],
                Candidates = [],
                SelectionMethod = "none",
                Notes = ["hypopg is not installed in the target database (CREATE EXTENSION hypopg), so no index could be costed; the plan insights still name the scans that need one"],
                Elapsed = clock.Elapsed,
            };
        }

        var costing = new WhatIfCosting(session);
        var statements = await costing.BaselineAsync(workload, cancellationToken).ConfigureAwait(false);
        var tables = TableFacts.Index(snapshot);
        var candidates = CandidateGenerator.Generate(statements.SelectMany(s => s.Accesses), tables);

        var notes = new List<string>();
        var measurements = new List<CandidateMeasurement>();
        foreach (var candidate in candidates)
        {
            if (candidate.Hypothetical)
            {
                measurements.Add(await costing.MeasureAsync(candidate, statements, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                notes.Add($"{candidate.Definition}: hypopg cannot simulate {candidate.Method} indexes, so it was not costed");
            }
        }

        var writeShare = statements.Any(s => s.Statement.Source != WorkloadSource.File)
            ? await StatisticsWindow.WriteShareAsync(dataSource, cancellationToken).ConfigureAwait(false)
            : 0;
        var problem = Problem(statements, measurements, tables, writeShare, options);
        var selection = options.UseSolver ? CpSatSelector.Select(problem, options.SolverTimeLimit) : GreedySelector.Select(problem);
        var chosen = selection.Chosen.Select(i => measurements[i]).ToList();

        // The model adds savings per table; the real planner decides with all indexes present.
        // Drop what it then ignores and look again, so every recommendation is used by some plan.
        var verified = await VerifyAsync(costing, chosen, statements, cancellationToken).ConfigureAwait(false);
        while (verified.Unused.Count > 0)
        {
            chosen = chosen.Where(m => !verified.Unused.Contains(m)).ToList();
            verified = await VerifyAsync(costing, chosen, statements, cancellationToken).ConfigureAwait(false);
        }

        if (!statements.Any(s => s.Statement.Source != WorkloadSource.File))
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
            SelectionMethod = selection.Method,
            Notes = notes,
            Elapsed = clock.Elapsed,
        };
    }

    // writeShare: the share of the tables' counted writes that fall into the statements' counting
    // window; 0 when the workload is only a file, whose statements carry no frequency to weigh writes against.
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

        return new SelectionProblem
        {
            Penalties = measurements.Select(m => Upkeep.Penalty(m.Bytes, (long)(writeShare * Upkeep.WritesToMaintain(Table(m.Candidate, tables))))).ToList(),
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
