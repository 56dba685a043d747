using DbArchitect.Agent.Planning;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// Plans the findings and runs every item's change and rollback on the scratch copy before the
/// document is assembled, so that one remedy the server refuses costs its own item, never the
/// run. A refused type change on a column that views, policies or triggers use is first completed
/// with their drop and re-creation; what still fails loses its remedy and becomes a pain point
/// with the server's message, because it needs a person.
/// </summary>
internal sealed class RemedyProof(ScratchSqlSession? scratch)
{
    public async Task<ProvenPlan> PlanAsync(IReadOnlyList<Finding> findings, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var planner = new DeterministicPlanner();
        var planned = planner.Plan(findings);
        if (scratch is null)
        {
            return new ProvenPlan(findings, planned, []);
        }

        var rejected = await RejectedAsync(planned, cancellationToken).ConfigureAwait(false);
        if (rejected.Count == 0)
        {
            return new ProvenPlan(findings, planned, []);
        }

        var unprovable = new List<string>();
        var revised = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (!rejected.TryGetValue(finding.Key, out var message))
            {
                revised.Add(finding);
                continue;
            }

            if (await CompleteAsync(finding, message, cancellationToken).ConfigureAwait(false) is { } completed)
            {
                revised.Add(finding with { Remedy = completed });
                continue;
            }

            revised.Add(finding with { Remedy = null });
            unprovable.Add($"[needs a person] {finding.Title}: the scratch copy of the schema rejects its change ({message}), so no item is proposed for it.");
        }

        progress.Report($"{rejected.Count} remedies were rejected on the scratch copy: {rejected.Count - unprovable.Count} completed, {unprovable.Count} left to a person (see Pain Points)");
        return new ProvenPlan(revised, planner.Plan(revised), unprovable);
    }

    /// <summary>The server's message per finding key whose item it refuses.</summary>
    private async Task<Dictionary<string, string>> RejectedAsync(PlannedWork planned, CancellationToken cancellationToken)
    {
        var findingOfOrigin = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocks = new List<SqlBlock>();
        foreach (var item in planned.Items)
        {
            if (ItemSqlBlock.Of(item) is { } block && findingOfOrigin.TryAdd(block.Origin, item.FindingKey))
            {
                blocks.Add(block);
            }
        }

        var errors = await scratch!.Checker.CheckAsync(blocks, cancellationToken).ConfigureAwait(false);
        return errors.ToDictionary(e => findingOfOrigin[e.Origin], e => e.Message, StringComparer.Ordinal);
    }

    private async Task<Remedy?> CompleteAsync(Finding finding, string message, CancellationToken cancellationToken)
    {
        if (finding.Remedy is not { } remedy || !DependentObjectsCompletion.Applies(message))
        {
            return null;
        }

        var completed = await scratch!.Completion.CompleteAsync(remedy, finding.Tables, cancellationToken).ConfigureAwait(false);
        if (completed is null)
        {
            return null;
        }

        var errors = await scratch.Checker.CheckAsync([new SqlBlock(finding.Key, $"{completed.Up.TrimEnd().TrimEnd(';')};\n{completed.Down}")], cancellationToken).ConfigureAwait(false);
        return errors.Count == 0 ? completed : null;
    }
}

/// <summary>The findings as proven (rejected remedies completed or removed), their plan, and what needs a person.</summary>
internal sealed record ProvenPlan(IReadOnlyList<Finding> Findings, PlannedWork Planned, IReadOnlyList<string> Unprovable);
