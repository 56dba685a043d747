using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// Query-shape advice the plan confirms but the statement shows, read on the server's parser:
/// large OFFSET pagination, <c>SELECT *</c>, and <c>NOT IN (subquery)</c>. A rewrite is advice
/// until it is proven to return the same rows, so these findings carry no SQL remedy.
/// </summary>
public sealed class StatementTextInsight : IPlanInsight
{
    public const string InsightId = "query-shape";

    private const long LargeOffset = 1000;

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        var plan = context.Result.Plan;
        using (var tree = PgQuery.TryParse(context.Result.Statement))
        {
            foreach (var finding in tree is null ? [] : ShapeFindings(context, tree.RootElement))
            {
                yield return finding;
            }
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

    private static List<Finding> ShapeFindings(PlanInsightContext context, JsonElement tree)
    {
        var plan = context.Result.Plan;
        var selects = ParseTreeNodes.OfType(tree, "SelectStmt").ToList();
        var findings = new List<Finding>();
        if (selects.Select(Offset).Max() is { } offset && offset >= LargeOffset)
        {
            var skipped = offset.ToString(CultureInfo.InvariantCulture);
            findings.Add(Advice(context, "offset-pagination", Severity.Medium,
                $"OFFSET {skipped} reads and discards every skipped row",
                "Offset pagination costs grow with the page number. Fix: keyset pagination — remember the last row's sort key and ask for `WHERE (sort_key, id) > ($1, $2) ORDER BY sort_key, id LIMIT n`, served by an index on (sort_key, id).",
                new Evidence("skipped rows", skipped)));
        }

        if (ReturnsStar(tree) && plan.Output.Count >= 8)
        {
            findings.Add(Advice(context, "select-star", Severity.Low,
                FormattableString.Invariant($"SELECT * returns {plan.Output.Count} columns"),
                "Fetching every column wastes I/O and network and rules out index-only scans. Fix: list the columns the caller uses.",
                new Evidence("output columns", plan.Output.Count.ToString(CultureInfo.InvariantCulture))));
        }

        if (ParseTreeNodes.OfType(tree, "BoolExpr").Any(IsNotInSubquery))
        {
            findings.Add(Advice(context, "not-in-subquery", Severity.Medium,
                "NOT IN (SELECT …) returns no rows at all if the subquery yields a NULL, and cannot become an anti-join",
                "Fix: `WHERE NOT EXISTS (SELECT 1 FROM … WHERE inner.key = outer.key)`, which has the intended meaning with NULLs and plans as an anti-join.",
                new Evidence("plan", plan.DescendantsAndSelf().Any(n => n.Filter?.Contains("SubPlan", StringComparison.Ordinal) == true) ? "filter evaluates a SubPlan per row" : "subquery in NOT IN")));
        }

        return findings;
    }

    /// <summary>A constant OFFSET (an integer, or a larger number the parser keeps as text); null for none or a placeholder.</summary>
    private static long? Offset(JsonElement select)
    {
        if (!select.TryGetProperty("limitOffset", out var offset) || !offset.TryGetProperty("A_Const", out var constant))
        {
            return null;
        }

        if (constant.TryGetProperty("ival", out var integer))
        {
            return integer.TryGetProperty("ival", out var value) ? value.GetInt64() : 0;
        }

        return constant.TryGetProperty("fval", out var number) && long.TryParse(number.GetProperty("fval").GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var large) ? large : null;
    }

    /// <summary>Whether the statement's own result (each branch of a UNION, not a subquery) lists <c>*</c> or <c>alias.*</c>.</summary>
    private static bool ReturnsStar(JsonElement tree)
    {
        if (tree.GetProperty("stmts") is not { ValueKind: JsonValueKind.Array } statements || statements.GetArrayLength() == 0
            || !statements[0].GetProperty("stmt").TryGetProperty("SelectStmt", out var select))
        {
            return false;
        }

        var branches = new Stack<JsonElement>([select]);
        while (branches.TryPop(out var branch))
        {
            foreach (var side in (string[])["larg", "rarg"])
            {
                if (branch.TryGetProperty(side, out var operand))
                {
                    branches.Push(operand);
                }
            }

            if (branch.TryGetProperty("targetList", out var targets) && targets.EnumerateArray().Any(target => target.GetProperty("ResTarget").TryGetProperty("val", out var value)
                && value.TryGetProperty("ColumnRef", out var column)
                && column.GetProperty("fields").EnumerateArray().Any(field => field.TryGetProperty("A_Star", out _))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>x NOT IN (SELECT …)</c>: NOT over an ANY sublink, as the parser reads it.</summary>
    private static bool IsNotInSubquery(JsonElement boolean) =>
        boolean.GetProperty("boolop").GetString() == "NOT_EXPR"
        && boolean.GetProperty("args") is { ValueKind: JsonValueKind.Array } args && args.GetArrayLength() == 1
        && args[0].TryGetProperty("SubLink", out var sublink)
        && sublink.TryGetProperty("subLinkType", out var kind) && kind.GetString() == "ANY_SUBLINK";

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
}
