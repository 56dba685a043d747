using DbArchitect.Agent.Planning;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
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

        var rejected = await RejectedAsync(findings, planned, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The server's message per finding key whose item it refuses. An item carrying many findings
    /// as one script is refused as a whole, so its findings are then tried one by one to name the
    /// ones at fault.
    /// </summary>
    private async Task<Dictionary<string, string>> RejectedAsync(IReadOnlyList<Finding> findings, PlannedWork planned, CancellationToken cancellationToken)
    {
        var itemOfOrigin = new Dictionary<string, TodoItem>(StringComparer.Ordinal);
        var blocks = new List<SqlBlock>();
        foreach (var item in planned.Items)
        {
            if (ItemSqlBlock.Of(item, PostgresScripts.Instance) is { } block && itemOfOrigin.TryAdd(block.Origin, item))
            {
                blocks.Add(block);
            }
        }

        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        var combined = new List<TodoItem>();
        foreach (var error in await scratch!.Checker.CheckAsync(blocks, cancellationToken).ConfigureAwait(false))
        {
            var item = itemOfOrigin[error.Origin];
            if (item.AlsoCovers.Count == 0)
            {
                rejected[item.FindingKey] = error.Message;
            }
            else
            {
                combined.Add(item);
            }
        }

        var remedies = findings.Where(f => f.Remedy is not null).ToDictionary(f => f.Key, f => f.Remedy!, StringComparer.Ordinal);
        var single = combined.SelectMany(item => item.AlsoCovers.Prepend(item.FindingKey))
            .Select(key => new SqlBlock(key, ChangeThenRollback(remedies[key])))
            .ToList();
        foreach (var error in await scratch.Checker.CheckAsync(single, cancellationToken).ConfigureAwait(false))
        {
            rejected[error.Origin] = error.Message;
        }

        return rejected;
    }

    private static string ChangeThenRollback(Remedy remedy) => $"{remedy.Up.TrimEnd().TrimEnd(';')};\n{remedy.Down}";

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

        var errors = await scratch.Checker.CheckAsync([new SqlBlock(finding.Key, ChangeThenRollback(completed))], cancellationToken).ConfigureAwait(false);
        return errors.Count == 0 ? completed : null;
    }
}

/// <summary>The findings as proven (rejected remedies completed or removed), their plan, and what needs a person.</summary>
internal sealed record ProvenPlan(IReadOnlyList<Finding> Findings, PlannedWork Planned, IReadOnlyList<string> Unprovable);
