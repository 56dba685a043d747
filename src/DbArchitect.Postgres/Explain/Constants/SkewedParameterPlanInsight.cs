using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain.Insights;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// A parameterised statement whose best plan depends on the value: planned with a common and with
/// a rare constant it gets differently shaped plans, far apart in cost or one of them using an
/// index the generic plan does not, while a prepared statement's cached generic plan is one plan
/// for all values, so some executions run a plan made for other values.
/// </summary>
public static class SkewedParameterPlanInsight
{
    public const string Id = "skewed-parameter-plan";

    /// <summary>How far apart the two plans' costs must be to matter when no index is hidden.</summary>
    public const double MaterialCostRatio = 10;

    public static IEnumerable<Finding> Evaluate(PlanInsightContext generic, SampledPlans sampled)
    {
        if (sampled.For(SampleScenario.CommonValues) is not { } common || sampled.For(SampleScenario.RareValues) is not { } rare)
        {
            yield break;
        }

        var commonShape = PlanShape.Of(common.Result.Plan);
        var rareShape = PlanShape.Of(rare.Result.Plan);
        if (commonShape == rareShape
            || common.Values.Zip(rare.Values).FirstOrDefault(pair => pair.First.Value != pair.Second.Value).First?.Comparison is not { } skewed)
        {
            yield break;
        }

        // Plans may differ in shape for little reason (a hash join instead of a nested loop at
        // equal cost); it matters when the costs are far apart, or when a value opens an index on
        // the compared table that the generic plan never uses (a LIKE prefix, a rare value).
        var costRatio = Math.Max(common.Result.Plan.TotalCost, rare.Result.Plan.TotalCost) / Math.Max(0.01, Math.Min(common.Result.Plan.TotalCost, rare.Result.Plan.TotalCost));
        var hiddenIndexes = IndexesOn(skewed, common.Result.Plan).Union(IndexesOn(skewed, rare.Result.Plan)).Except(IndexesOn(skewed, generic.Result.Plan)).Order(StringComparer.Ordinal).ToList();
        if (costRatio < MaterialCostRatio && hiddenIndexes.Count == 0)
        {
            yield break;
        }

        var genericShape = PlanShape.Of(generic.Result.Plan);
        var cached = genericShape == commonShape ? "the common value's plan, which the rare value then runs too"
            : genericShape == rareShape ? "the rare value's plan, which the common value then runs too"
            : "neither value's plan";
        var table = Catalog.SqlIdentifier.Qualify(skewed.Schema, skewed.Table);
        yield return new Finding
        {
            RuleId = Id,
            Subject = $"{generic.StatementId}/{table}({skewed.Column})",
            Severity = Severity.Medium,
            Area = FindingArea.QueryOptimization,
            Title = $"The best plan depends on the value compared with {skewed.QualifiedColumn}; a cached generic plan fits only some values",
            Rationale = "Prepared statements (as most drivers and ORMs send them) switch to one cached generic plan after five executions when its estimated cost is no worse than the custom plans'. "
                + "Planned with a common and with a rare value this statement gets different plans, so under a cached plan some executions run a plan made for other values. "
                + "plan_cache_mode = force_custom_plan plans every execution for its own values, at the price of planning each time.",
            Evidence =
            [
                new("statement", generic.ShortStatement),
                new("common values", common.DescribeValues()),
                new("plan for the common values", PlanShape.WithCost(common.Result.Plan)),
                new("rare values", rare.DescribeValues()),
                new("plan for the rare values", PlanShape.WithCost(rare.Result.Plan)),
                new("generic plan", $"{PlanShape.WithCost(generic.Result.Plan)}: {cached}"),
                new("cost ratio", FormattableString.Invariant($"{costRatio:N1}×")),
                .. hiddenIndexes.Select(index => new Evidence("index the generic plan does not use", index)),
            ],
            Tables = [table],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Configuration,
                Strategy = MigrationStrategy.Configuration,
                Up = "ALTER ROLE CURRENT_USER SET plan_cache_mode = force_custom_plan;",
                Down = "ALTER ROLE CURRENT_USER RESET plan_cache_mode;",
                Testing = "Reconnect as the application role, PREPARE the statement and EXPLAIN EXECUTE it more than five times with the rare value: the plan should stay the rare value's plan.",
                PerformanceImpact = "Each execution is planned for its own values (a fraction of a millisecond for simple statements); no execution runs a plan cached for other values.",
            },
        };
    }

    // Bitmap Index Scan nodes name the index but not the table; their Bitmap Heap Scan parent names the table.
    private static IEnumerable<string> IndexesOn(PlaceholderComparison comparison, PlanNode plan) =>
        plan.DescendantsAndSelf()
            .Where(node => node.RelationName == comparison.Table && (node.Schema ?? "public") == comparison.Schema)
            .SelectMany(node => node.DescendantsAndSelf())
            .Select(node => node.IndexName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}
