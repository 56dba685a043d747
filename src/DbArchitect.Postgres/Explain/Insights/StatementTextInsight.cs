using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// Query-shape advice the plan confirms but the statement text shows: large OFFSET pagination,
/// <c>SELECT *</c>, and <c>NOT IN (subquery)</c>. A rewrite is advice until it is proven to
/// return the same rows, so these findings carry no SQL remedy.
/// </summary>
public sealed partial class StatementTextInsight : IPlanInsight
{
    public const string InsightId = "query-shape";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        var text = Comments().Replace(context.Result.Statement, " ");
        var plan = context.Result.Plan;

        if (LargeOffset().Match(text) is { Success: true } offset && long.Parse(offset.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1000)
        {
            yield return Advice(context, "offset-pagination", Severity.Medium,
                $"OFFSET {offset.Groups[1].Value} reads and discards every skipped row",
                "Offset pagination costs grow with the page number. Fix: keyset pagination — remember the last row's sort key and ask for `WHERE (sort_key, id) > ($1, $2) ORDER BY sort_key, id LIMIT n`, served by an index on (sort_key, id).",
                new Evidence("skipped rows", offset.Groups[1].Value));
        }

        if (SelectStar().IsMatch(text) && plan.Output.Count >= 8)
        {
            yield return Advice(context, "select-star", Severity.Low,
                FormattableString.Invariant($"SELECT * returns {plan.Output.Count} columns"),
                "Fetching every column wastes I/O and network and rules out index-only scans. Fix: list the columns the caller uses.",
                new Evidence("output columns", plan.Output.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (NotInSubquery().IsMatch(text))
        {
            yield return Advice(context, "not-in-subquery", Severity.Medium,
                "NOT IN (SELECT …) returns no rows at all if the subquery yields a NULL, and cannot become an anti-join",
                "Fix: `WHERE NOT EXISTS (SELECT 1 FROM … WHERE inner.key = outer.key)`, which has the intended meaning with NULLs and plans as an anti-join.",
                new Evidence("plan", plan.DescendantsAndSelf().Any(n => n.Filter?.Contains("SubPlan", StringComparison.Ordinal) == true) ? "filter evaluates a SubPlan per row" : "subquery in NOT IN"));
        }

        foreach (var subPlan in plan.DescendantsAndSelf().Where(n => n.ParentRelationship == "SubPlan" && (n.ActualLoops ?? 0) >= 100))
        {
            yield return Advice(context, "correlated-subquery", Severity.Medium,
                FormattableString.Invariant($"Correlated subquery executed {subPlan.ActualLoops:N0} times"),
                "The subquery runs once per outer row. Fix: a JOIN (with GROUP BY for aggregates), `EXISTS` for existence checks, or a window function over one pass.",
                new Evidence("subplan loops", FormattableString.Invariant($"{subPlan.ActualLoops:N0}")),
                subPlan.RelationName);
        }

        foreach (var gather in plan.DescendantsAndSelf().Where(n => n.WorkersPlanned is > 0 && n.WorkersLaunched is { } launched && launched < n.WorkersPlanned))
        {
            yield return Advice(context, "parallel-workers-not-launched", Severity.Low,
                $"{gather.NodeType} planned {gather.WorkersPlanned} workers but launched {gather.WorkersLaunched}",
                "Parallel workers come from a server-wide pool (max_worker_processes, max_parallel_workers). When it is exhausted the query runs with fewer workers than it was planned for. Fix: raise max_parallel_workers within max_worker_processes, or lower max_parallel_workers_per_gather for concurrent workloads.",
                new Evidence("workers planned → launched", $"{gather.WorkersPlanned} → {gather.WorkersLaunched}"));
        }
    }

    private static Finding Advice(PlanInsightContext context, string rule, Severity severity, string title, string rationale, Evidence evidence, string? relation = null) => new()
    {
        RuleId = rule,
        Subject = relation is null ? context.StatementId : $"{context.StatementId}/{relation}",
        Severity = severity,
        Area = FindingArea.QueryOptimization,
        Title = title,
        Rationale = rationale,
        Evidence = [PlanFindings.Statement(context), evidence],
    };

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\bOFFSET\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LargeOffset();

    [GeneratedRegex(@"\bSELECT\s+(?:DISTINCT\s+)?(?:[A-Za-z_][A-Za-z0-9_]*\.)?\*", RegexOptions.IgnoreCase)]
    private static partial Regex SelectStar();

    [GeneratedRegex(@"\bNOT\s+IN\s*\(\s*SELECT\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotInSubquery();
}
