using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Explain.Insights;

namespace DbArchitect.Postgres.Tests.Explain.Constants;

public sealed class SkewedParameterPlanInsightTests
{
    private const string Statement = "SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.region = $1";
    private static readonly PlaceholderComparison Region = new(1, "public", "orders", "region", ComparisonOperator.Equal);

    private static PlanNode SeqScan(double cost) => new() { NodeType = "Seq Scan", RelationName = "orders", Schema = "public", TotalCost = cost };

    private static PlanNode IndexScan(double cost, string index = "orders_region_idx") => new() { NodeType = "Index Scan", RelationName = "orders", Schema = "public", IndexName = index, TotalCost = cost };

    private static PlanNode Join(string type, double cost, PlanNode orders) => new()
    {
        NodeType = type,
        TotalCost = cost,
        Children = [orders, new PlanNode { NodeType = "Index Scan", RelationName = "customers", Schema = "public", IndexName = "customers_pkey", TotalCost = cost / 2 }],
    };

    private static ExplainResult Result(PlanNode plan) => new() { Statement = Statement, Plan = plan, Analyzed = false, RawJson = "[]" };

    private static IReadOnlyList<Core.Findings.Finding> Evaluate(PlanNode generic, PlanNode common, PlanNode rare) =>
        SkewedParameterPlanInsight.Evaluate(
            new PlanInsightContext { Result = Result(generic) },
            new SampledPlans(
            [
                new SampledPlan(SampleScenario.CommonValues, [new SampledValue(1, "eu", "most common value", Region)], Result(common)),
                new SampledPlan(SampleScenario.RareValues, [new SampledValue(1, "aq", "rare value", Region)], Result(rare)),
            ], null)).ToList();

    [Fact]
    public void Plans_that_differ_only_in_join_method_at_similar_cost_are_not_reported() =>
        Assert.Empty(Evaluate(Join("Nested Loop", 2655, SeqScan(2000)), Join("Hash Join", 2702, SeqScan(2000)), Join("Nested Loop", 2655, SeqScan(2000))));

    [Fact]
    public void Same_plan_shape_at_very_different_cost_is_not_reported() =>
        Assert.Empty(Evaluate(IndexScan(500), IndexScan(5000), IndexScan(8)));

    [Fact]
    public void Index_that_only_a_constant_opens_is_reported_even_at_a_modest_cost_difference()
    {
        var finding = Assert.Single(Evaluate(SeqScan(2000), SeqScan(2000), IndexScan(900, "orders_region_prefix_idx")));

        Assert.Contains(finding.Evidence, e => e is { Label: "index the generic plan does not use", Value: "orders_region_prefix_idx" });
        Assert.Contains(finding.Evidence, e => e.Label == "generic plan" && e.Value.EndsWith("the common value's plan, which the rare value then runs too", StringComparison.Ordinal));
    }

    [Fact]
    public void Different_plans_ten_times_apart_in_cost_are_reported_even_when_the_generic_plan_uses_the_same_index()
    {
        var finding = Assert.Single(Evaluate(IndexScan(1500), SeqScan(2084), IndexScan(84)));

        Assert.Equal("24.8×", finding.Evidence.Single(e => e.Label == "cost ratio").Value);
        Assert.DoesNotContain(finding.Evidence, e => e.Label == "index the generic plan does not use");
    }
}
