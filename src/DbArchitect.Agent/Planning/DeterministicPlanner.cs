using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Planning;

/// <summary>
/// The architect without a model: findings become DB-ITEMs (one per finding) grouped into
/// DB-PLAN entries (one per rule within an area), worst first. Ordering is total and depends only
/// on the findings, so the same database always yields the same IDs. A rule with more findings
/// than <see cref="ItemsPerEntry"/> keeps the TODO readable at scale: the first ones are items of
/// their own and the rest one item whose SQL is their remedies as one script.
/// </summary>
public sealed class DeterministicPlanner
{
    /// <summary>Items under one plan entry, the last of them carrying the rest when there are more.</summary>
    public const int ItemsPerEntry = 10;

    public PlannedWork Plan(IReadOnlyList<Finding> findings)
    {
        var actionable = findings.Where(f => f.Remedy is not null).ToList();
        var plan = new List<PlanEntry>();
        var items = new List<TodoItem>();

        foreach (var area in actionable.GroupBy(f => f.Area).OrderBy(g => g.Key))
        {
            var groups = area
                .GroupBy(f => f.RuleId, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(f => f.Severity).ThenBy(f => f.Subject, StringComparer.Ordinal).ToList())
                .OrderByDescending(g => g[0].Severity)
                .ThenByDescending(g => g.Count)
                .ThenBy(g => g[0].RuleId, StringComparer.Ordinal)
                .ToList();

            var planNumber = 0;
            var itemNumber = 0;
            foreach (var group in groups)
            {
                var alone = group.Count <= ItemsPerEntry ? group : group.Take(ItemsPerEntry - 1).ToList();
                var groupItems = alone.Select(finding => ToItem(finding, TodoIds.Item(area.Key, ++itemNumber))).ToList();
                if (group.Count > alone.Count)
                {
                    groupItems.Add(ToCombinedItem(group.Skip(alone.Count).ToList(), TodoIds.Item(area.Key, ++itemNumber)));
                }

                items.AddRange(groupItems);
                plan.Add(ToPlanEntry(area.Key, group, groupItems, TodoIds.Plan(area.Key, ++planNumber)));
            }
        }

        var painPoints = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"[{f.Severity}] {f.Title}")
            .ToList();
        return new PlannedWork(plan, items, painPoints);
    }

    private static TodoItem ToItem(Finding finding, string id)
    {
        var remedy = finding.Remedy!;
        return new TodoItem
        {
            Id = id,
            Done = false,
            Title = finding.Title,
            Type = remedy.Kind,
            Severity = finding.Severity,
            FindingKey = finding.Key,
            Sql = remedy.Up.Trim(),
            Rollback = remedy.Down.Trim(),
            Rationale = finding.Rationale,
            Testing = string.IsNullOrWhiteSpace(remedy.Testing) ? "Re-run `dbarch analyze` and confirm the finding is gone." : remedy.Testing,
            Evidence = finding.Evidence,
            Creates = remedy.Creates,
            References = finding.Tables,
        };
    }

    /// <summary>One script for many findings of one rule: changes in order, rollbacks in reverse.</summary>
    private static TodoItem ToCombinedItem(IReadOnlyList<Finding> rest, string id)
    {
        var first = ToItem(rest[0], id);
        var subjects = rest.Select(f => f.Subject).ToList();
        return first with
        {
            Title = $"... and {rest.Count} more: {Humanize(rest[0].RuleId)} ({subjects[0]} to {subjects[^1]})",
            Severity = rest.Max(f => f.Severity),
            Sql = $"-- {rest.Count} objects, one script: each statement is the remedy of one object, in the order listed under Evidence.\n"
                + string.Join("\n\n", rest.Select(f => f.Remedy!.Up.Trim())),
            Rollback = string.Join("\n\n", rest.Reverse().Select(f => f.Remedy!.Down.Trim())),
            Evidence = [new Evidence("objects", string.Join(", ", subjects))],
            Creates = rest.SelectMany(f => f.Remedy!.Creates).Distinct(StringComparer.Ordinal).ToList(),
            References = rest.SelectMany(f => f.Tables).Distinct(StringComparer.Ordinal).ToList(),
            AlsoCovers = rest.Skip(1).Select(f => f.Key).ToList(),
        };
    }

    private static PlanEntry ToPlanEntry(FindingArea area, IReadOnlyList<Finding> findings, IReadOnlyList<TodoItem> items, string id)
    {
        var first = findings[0];
        var strategies = findings.Select(f => Describe(f.Remedy!.Strategy)).Distinct(StringComparer.Ordinal);
        var impacts = findings.Select(f => f.Remedy!.PerformanceImpact).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Take(3).ToList();
        return new PlanEntry
        {
            Id = id,
            Done = false,
            Title = findings.Count == 1 ? first.Title : $"{Humanize(first.RuleId)} ({findings.Count} objects)",
            Area = area,
            Key = $"{area}:{first.RuleId}",
            TablesAffected = findings.SelectMany(f => f.Tables).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            MigrationStrategy = string.Join("; ", strategies),
            RollbackPlan = items.Count == 1
                ? $"Run the rollback script of {items[0].Id}."
                : $"Run the rollback scripts of {items[^1].Id} back to {items[0].Id}, in reverse order; each item is independent.",
            PerformanceImpact = impacts.Count > 0 ? string.Join(" ", impacts) : "No measurable effect on read or write latency expected.",
            ItemIds = items.Select(i => i.Id).ToList(),
        };
    }

    private static string Describe(MigrationStrategy strategy) => strategy switch
    {
        MigrationStrategy.OnlineDdl => "Online DDL (CONCURRENTLY / NOT VALID then VALIDATE), no long locks",
        MigrationStrategy.BatchedDml => "Batched DML in small transactions, then DDL",
        MigrationStrategy.Configuration => "Configuration change (ALTER SYSTEM, reload or restart)",
        MigrationStrategy.Maintenance => "Maintenance command, no schema change",
        MigrationStrategy.TableRewrite => "Table rewrite under ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite (roughly the time to copy the table and rebuild its indexes); run in a maintenance window, or use the online alternative in the item's impact",
        _ => "Standard migration (short-lived locks)",
    };

    private static string Humanize(string ruleId)
    {
        var words = ruleId.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
