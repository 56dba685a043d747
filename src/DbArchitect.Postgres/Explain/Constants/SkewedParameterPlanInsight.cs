using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain.Insights;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// A parameterised statement whose best plan depends on the value: planned with a common and with
/// a rare constant it gets differently shaped plans, while a prepared statement's cached generic
/// plan is one plan for all values, so some executions run a plan made for other values.
/// </summary>
public static class SkewedParameterPlanInsight
{
    public const string Id = "skewed-parameter-plan";

    public static IEnumerable<Finding> Evaluate(PlanInsightContext generic, SampledPlans sampled)
    {
        if (sampled.For(SampleScenario.CommonValues) is not { } common || sampled.For(SampleScenario.RareValues) is not { } rare)
        {
            yield break;
        }

        var commonShape = PlanShape.Of(common.Result.Plan);
        var rareShape = PlanShape.Of(rare.Result.Plan);
        if (commonShape == rareShape)
        {
            yield break;
        }

        var genericShape = PlanShape.Of(generic.Result.Plan);
        var cached = genericShape == commonShape ? "the common value's plan, which the rare value then runs too"
            : genericShape == rareShape ? "the rare value's plan, which the common value then runs too"
            : "neither value's plan";
        if (common.Values.Zip(rare.Values).FirstOrDefault(pair => pair.First.Value != pair.Second.Value).First?.Comparison is not { } skewed)
        {
            yield break;
        }

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
}
