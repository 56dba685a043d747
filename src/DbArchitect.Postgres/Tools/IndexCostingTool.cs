using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Tools;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Tools.Grounding;
using Microsoft.SemanticKernel;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// <c>cost_index</c>: costs one proposed index with hypopg against the workload, over the indexes
/// the plan already has in mind (those the findings propose and those this tool accepted earlier
/// in the run), so a gain is what this index adds and not what another one already gives.
/// An index that makes the workload cheaper is accepted: it joins that baseline and
/// <see cref="RoundGains"/>, and may enter the plan. Costing an index the findings propose only
/// reports its effect.
/// </summary>
public sealed class IndexCostingTool
{
    /// <summary>Workload statements a single call plans, before and after.</summary>
    public const int MaxCostedStatements = 20;

    private readonly CatalogSnapshot _snapshot;
    private readonly WorkloadIds _workload;
    private readonly TargetSession _session;
    private readonly LiteralRedactor _redactor;
    private readonly ToolAnswers _answers;
    private readonly RoundGains _gains;
    private readonly ProposedIndexes _proposedByFindings;
    private readonly List<IndexCandidate> _accepted = [];
    private readonly HashSet<string> _acceptedShapes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IndexCostingTool(CatalogSnapshot snapshot, ProposedIndexes proposedByFindings, WorkloadIds workload, TargetSession session, LiteralRedactor redactor, ToolAnswers answers, RoundGains gains)
    {
        _snapshot = snapshot;
        _workload = workload;
        _session = session;
        _redactor = redactor;
        _answers = answers;
        _gains = gains;
        _proposedByFindings = proposedByFindings;
    }

    /// <summary>Shapes (<see cref="IndexCostingCheck.Shape"/>) of the indexes accepted in this run.</summary>
    public IReadOnlySet<string> CostedWithGain
    {
        get
        {
            lock (_gate)
            {
                return _acceptedShapes.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    public const string Description =
        "Costs one proposed CREATE INDEX statement with hypopg (nothing is built): the planner cost of each workload statement before and after, " +
        "over the indexes this plan already proposes, and the index's estimated size. An index that lowers the total is accepted for the plan.";

    [KernelFunction("cost_index"), Description(Description)]
    public async Task<JsonElement> CostIndexAsync(
        [Description("One CREATE INDEX statement")] string createIndex,
        [Description("Workload ids (W1…) or SQL statements to cost; empty for the whole workload")] string[]? statements = null,
        CancellationToken cancellationToken = default)
    {
        if (!CreateIndexReader.TryRead(createIndex, _snapshot, out var candidate, out var error))
        {
            return Refuse(error);
        }

        if (!candidate.Hypothetical)
        {
            return Refuse($"refused: hypopg cannot simulate a {candidate.Method} index; only btree, hash and brin can be costed");
        }

        var targets = (statements is { Length: > 0 }
            ? statements.Select(s => (Id: _workload.Label(s), Text: _workload.Resolve(s)))
            : _workload.Statements.Select((s, index) => (Id: WorkloadIds.Id(index), s.Text)))
            .Take(MaxCostedStatements)
            .ToList();
        if (targets.Count == 0)
        {
            return Refuse("there are no workload statements to cost against; pass statements");
        }

        await using var session = await HypotheticalIndexSession.OpenAsync(_session, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return Refuse("hypopg is not installed in the target database, so indexes cannot be costed");
        }

        var shape = IndexCostingCheck.Shape(candidate);
        var baseline = 0;
        foreach (var planned in Baseline(shape))
        {
            // One of the plan's indexes hypopg cannot simulate leaves the others to measure against.
            try
            {
                await session.CreateAsync(planned, cancellationToken).ConfigureAwait(false);
                baseline++;
            }
            catch (Exception e) when (DatabaseErrors.IsStatementRefusal(e))
            {
            }
        }

        var before = new List<PlannedCost>();
        foreach (var target in targets)
        {
            before.Add(await CostAsync(session, target.Text, null, cancellationToken).ConfigureAwait(false));
        }

        HypotheticalIndex index;
        try
        {
            index = await session.CreateAsync(candidate, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.IsStatementRefusal(e))
        {
            return Refuse($"the server rejected the index: {_redactor.Prose(DatabaseErrors.ServerMessage(e))}");
        }

        var costed = new List<StatementCosting>();
        for (var i = 0; i < targets.Count; i++)
        {
            var after = await CostAsync(session, targets[i].Text, index, cancellationToken).ConfigureAwait(false);
            costed.Add(new StatementCosting(targets[i].Id, _redactor.Sql(targets[i].Text), before[i].Cost, after.Cost, after.UsesIndex, before[i].Skipped ?? after.Skipped));
        }

        var costing = new IndexCosting(candidate.Definition, index.EstimatedBytes, baseline, costed.Sum(c => c.CostBefore ?? 0), costed.Sum(c => c.CostAfter ?? 0), costed);
        // An index the findings propose is in the plan already; costing it again gains the plan nothing.
        if (costing.TotalCostAfter < costing.TotalCostBefore && !_proposedByFindings.Contains(shape))
        {
            Accept(candidate, shape, costing);
        }

        return _answers.Answer("cost_index", costing);
    }

    /// <summary>The plan's indexes as they stand, without the one being costed.</summary>
    private List<IndexCandidate> Baseline(string costedShape)
    {
        lock (_gate)
        {
            return [.. _proposedByFindings.Indexes.Where(index => index.Hypothetical).Concat(_accepted).Where(index => IndexCostingCheck.Shape(index) != costedShape)];
        }
    }

    private void Accept(IndexCandidate candidate, string shape, IndexCosting costing)
    {
        lock (_gate)
        {
            if (!_acceptedShapes.Add(shape))
            {
                return;
            }

            _accepted.Add(candidate);
        }

        _gains.Add(string.Create(CultureInfo.InvariantCulture,
            $"index {candidate.Definition}: workload cost {costing.TotalCostBefore:0.##} → {costing.TotalCostAfter:0.##}, about {costing.EstimatedBytes} bytes"));
    }

    private async Task<PlannedCost> CostAsync(HypotheticalIndexSession session, string statement, HypotheticalIndex? index, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await session.PlanAsync(statement, cancellationToken).ConfigureAwait(false);
            var used = index is not null && plan.Plan.DescendantsAndSelf().Any(node => node.IndexName?.Contains(index.PlanName, StringComparison.Ordinal) == true);
            return new PlannedCost(plan.Plan.TotalCost, used, null);
        }
        catch (Exception e) when (e is ExplainRefusedException || DatabaseErrors.IsStatementRefusal(e))
        {
            return new PlannedCost(null, false, _redactor.Prose(e.Message.Split('\n')[0]));
        }
    }

    private JsonElement Refuse(string error) => _answers.Answer("cost_index", new ToolRefusal(error));

    /// <summary>A statement's planner cost in a hypopg session, or why it could not be planned.</summary>
    private sealed record PlannedCost(double? Cost, bool UsesIndex, string? Skipped);
}
