using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Workload;
using Npgsql;

namespace DbArchitect.Postgres.Advisor.Costing;

/// <summary>
/// Plans the workload with hypothetical indexes on the target: the baseline, each candidate alone
/// (only the statements that read its table are re-planned), and a whole set for the final figures.
/// Without hypopg (<paramref name="session"/> null) only the baseline can be planned.
/// </summary>
internal sealed class WhatIfCosting(NpgsqlDataSource dataSource, HypotheticalIndexSession? session)
{
    public bool CanSimulate => session is not null;

    public async Task<IReadOnlyList<PlannedStatement>> BaselineAsync(IReadOnlyList<WorkloadStatement> workload, CancellationToken cancellationToken)
    {
        var planned = new List<PlannedStatement>();
        for (var i = 0; i < workload.Count; i++)
        {
            planned.Add(await PlanAsync(i, workload[i], cancellationToken).ConfigureAwait(false));
        }

        return planned;
    }

    /// <summary>The baseline from plans made before (no hypothetical index exists at that point, so they are the same plans).</summary>
    public static IReadOnlyList<PlannedStatement> Baseline(IReadOnlyList<WorkloadPlan> planned) =>
        [.. planned.Select((p, i) => new PlannedStatement(i, p.Statement, p.Plan, p.NotPlanned))];

    public async Task<CandidateMeasurement> MeasureAsync(IndexCandidate candidate, IReadOnlyList<PlannedStatement> statements, CancellationToken cancellationToken)
    {
        var hypopg = session ?? throw new InvalidOperationException("hypopg is not available on the target");
        var index = await hypopg.CreateAsync(candidate, cancellationToken).ConfigureAwait(false);
        try
        {
            var costs = new Dictionary<int, double>();
            foreach (var statement in statements.Where(s => s.Plan is not null && s.Touches(candidate)))
            {
                var plan = await hypopg.PlanAsync(statement.Statement.Text, cancellationToken).ConfigureAwait(false);
                if (Uses(plan, index))
                {
                    costs[statement.Id] = plan.Plan.TotalCost;
                }
            }

            return new CandidateMeasurement(candidate, index.EstimatedBytes, costs, EvidenceSource.Hypothetical);
        }
        finally
        {
            await hypopg.DropAsync(index, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Plans every statement with the whole set present; returns each plan and the set's indexes with hypopg's sizes.</summary>
    public async Task<(IReadOnlyList<ExplainResult?> Plans, IReadOnlyList<HypotheticalIndex> Indexes)> PlanWithAsync(IEnumerable<IndexCandidate> set, IReadOnlyList<PlannedStatement> statements, CancellationToken cancellationToken)
    {
        if (session is null)
        {
            return (statements.Select(s => s.Plan).ToList(), []);
        }

        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        var indexes = new List<HypotheticalIndex>();
        foreach (var candidate in set.Where(c => c.Hypothetical))
        {
            indexes.Add(await session.CreateAsync(candidate, cancellationToken).ConfigureAwait(false));
        }

        var plans = new List<ExplainResult?>();
        foreach (var statement in statements)
        {
            plans.Add(statement.Plan is null ? null : await session.PlanAsync(statement.Statement.Text, cancellationToken).ConfigureAwait(false));
        }

        await session.ResetAsync(cancellationToken).ConfigureAwait(false);
        return (plans, indexes);
    }

    public static bool Uses(ExplainResult plan, HypotheticalIndex index) =>
        plan.Plan.DescendantsAndSelf().Any(n => n.IndexName?.StartsWith(index.PlanName, StringComparison.Ordinal) == true);

    private async Task<PlannedStatement> PlanAsync(int id, WorkloadStatement statement, CancellationToken cancellationToken)
    {
        try
        {
            var plan = session is null
                ? await new ExplainRunner(dataSource).ExplainAsync(statement.Text, new ExplainOptions(), cancellationToken).ConfigureAwait(false)
                : await session.PlanAsync(statement.Text, cancellationToken).ConfigureAwait(false);
            return new PlannedStatement(id, statement, plan, null);
        }
        catch (Exception e) when (e is ExplainRefusedException or PostgresException { IsTransient: false })
        {
            return new PlannedStatement(id, statement, null, e.Message.Split('\n')[0]);
        }
    }
}
