using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Explain.Constants;

/// <summary>
/// orders.status is skewed (about 96 % 'done', 4 % 'new', 0.1 % 'failed') and indexed;
/// orders.email is unique with a text_pattern_ops index that only a constant LIKE prefix can use;
/// orders.created_at is uniform and not indexed.
/// </summary>
public sealed class SkewedOrdersFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL, email text NOT NULL, created_at timestamptz NOT NULL);
        INSERT INTO orders
            SELECT g,
                   CASE WHEN g % 1000 = 0 THEN 'failed' WHEN g % 25 = 1 THEN 'new' ELSE 'done' END,
                   'user' || g || '@example.com',
                   timestamptz '2026-01-01' + g * interval '1 minute'
            FROM generate_series(1, 100000) g;
        CREATE INDEX orders_status_idx ON orders (status);
        CREATE INDEX orders_email_prefix_idx ON orders (email text_pattern_ops);
        ANALYZE orders;
        CREATE TABLE unanalysed (id int, label text);
        """);
}

public sealed class SampledConstantPlannerTests(SkewedOrdersFixture database) : IClassFixture<SkewedOrdersFixture>
{
    private async Task<(ExplainResult Generic, SampledPlans Sampled)> PlanAsync(string statement)
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var generic = await new ExplainRunner(dataSource).ExplainAsync(statement, new ExplainOptions(), CancellationToken.None);
        var sampled = await new SampledConstantPlanner(dataSource).PlanWithSampledConstantsAsync(statement, generic, CancellationToken.None);
        return (generic, sampled);
    }

    private static IEnumerable<string> Scans(ExplainResult result) => result.Plan.DescendantsAndSelf().Select(node => node.NodeType);

    [Fact]
    public async Task Skewed_column_gets_a_seq_scan_for_its_common_value_and_an_index_for_its_rare_value_and_is_reported()
    {
        var (generic, sampled) = await PlanAsync("SELECT id FROM orders WHERE status = $1");

        Assert.Null(sampled.NotPlannedReason);
        var common = sampled.For(SampleScenario.CommonValues)!;
        var rare = sampled.For(SampleScenario.RareValues)!;
        Assert.Equal("done", Assert.Single(common.Values).Value);
        Assert.Contains("most common value of public.orders.status, 96 % of rows", common.Values[0].Reason, StringComparison.Ordinal);
        Assert.Equal("failed", Assert.Single(rare.Values).Value);
        Assert.Equal("Seq Scan", common.Result.Plan.NodeType);
        Assert.Contains(rare.Result.Plan.DescendantsAndSelf(), node => node.IndexName == "orders_status_idx");

        var finding = Assert.Single(SkewedParameterPlanInsight.Evaluate(new PlanInsightContext { Result = generic }, sampled));
        Assert.Equal(SkewedParameterPlanInsight.Id, finding.RuleId);
        Assert.EndsWith("/public.orders(status)", finding.Subject, StringComparison.Ordinal);
        var evidence = finding.Evidence.ToDictionary(e => e.Label, e => e.Value);
        Assert.Contains("'done'", evidence["common values"], StringComparison.Ordinal);
        Assert.Contains("'failed'", evidence["rare values"], StringComparison.Ordinal);
        Assert.StartsWith("Seq Scan on orders (cost", evidence["plan for the common values"], StringComparison.Ordinal);
        Assert.Contains("using orders_status_idx", evidence["plan for the rare values"], StringComparison.Ordinal);
        Assert.Contains("plan_cache_mode = force_custom_plan", finding.Remedy!.Up, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LIKE_placeholder_planned_with_a_long_prefix_uses_the_pattern_index_the_generic_plan_cannot()
    {
        var (generic, sampled) = await PlanAsync("SELECT id FROM orders WHERE email LIKE $1");

        Assert.DoesNotContain(generic.Plan.DescendantsAndSelf(), node => node.IndexName is not null);
        var rare = sampled.For(SampleScenario.RareValues)!;
        var prefix = Assert.Single(rare.Values).Value;
        Assert.Matches(@"^user\d+@example\.com%$", prefix);
        Assert.Contains(rare.Result.Plan.DescendantsAndSelf(), node => node.IndexName == "orders_email_prefix_idx");
        Assert.Equal("use%", sampled.For(SampleScenario.CommonValues)!.Values[0].Value);
        Assert.Single(SkewedParameterPlanInsight.Evaluate(new PlanInsightContext { Result = generic }, sampled));
    }

    [Fact]
    public async Task Array_placeholder_of_ANY_is_given_one_element_arrays_of_the_common_and_the_rare_value()
    {
        var (_, sampled) = await PlanAsync("SELECT id FROM orders WHERE status = ANY ($1)");

        Assert.Equal("{\"done\"}", sampled.For(SampleScenario.CommonValues)!.Values[0].Value);
        Assert.Equal("{\"failed\"}", sampled.For(SampleScenario.RareValues)!.Values[0].Value);
        Assert.Contains(sampled.For(SampleScenario.RareValues)!.Result.Plan.DescendantsAndSelf(), node => node.IndexName == "orders_status_idx");
    }

    [Fact]
    public async Task LIMIT_and_OFFSET_placeholders_get_a_first_page_while_the_column_placeholder_is_sampled()
    {
        var (_, sampled) = await PlanAsync("SELECT id FROM orders WHERE status = $1 ORDER BY id LIMIT $2 OFFSET $3");

        var rare = sampled.For(SampleScenario.RareValues)!;
        Assert.Equal(["failed", "20", "0"], rare.Values.Select(v => v.Value));
        Assert.Null(rare.Values[1].Comparison);
        Assert.Equal(20, rare.Result.Plan.PlanRows);
    }

    [Fact]
    public async Task Unique_key_lookup_gets_one_sampled_plan_and_no_skew_finding()
    {
        var (generic, sampled) = await PlanAsync("SELECT status FROM orders WHERE id = $1");

        var plan = Assert.Single(sampled.Plans);
        Assert.Equal("Index Scan", plan.Result.Plan.NodeType);
        Assert.Empty(SkewedParameterPlanInsight.Evaluate(new PlanInsightContext { Result = generic }, sampled));
    }

    [Fact]
    public async Task Range_on_both_sides_is_planned_wide_and_with_adjacent_histogram_bounds_and_same_shaped_plans_are_not_reported()
    {
        var (generic, sampled) = await PlanAsync("SELECT count(*) FROM orders WHERE created_at >= $1 AND created_at < $2");

        var wide = sampled.For(SampleScenario.CommonValues)!;
        var narrow = sampled.For(SampleScenario.RareValues)!;
        Assert.Contains("lowest histogram bound", wide.Values[0].Reason, StringComparison.Ordinal);
        Assert.Contains("adjacent histogram bounds", narrow.Values[1].Reason, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.Parse(narrow.Values[0].Value, System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.Parse(narrow.Values[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(narrow.Result.Plan.Children[0].PlanRows < wide.Result.Plan.Children[0].PlanRows / 10);
        Assert.Empty(SkewedParameterPlanInsight.Evaluate(new PlanInsightContext { Result = generic }, sampled));
    }

    [Theory]
    [InlineData("SELECT id FROM orders WHERE email LIKE '%' || $1 || '%'", "$1 is not compared with a table column")]
    [InlineData("SELECT id FROM orders WHERE status = $1 AND id % $2 = 0", "$2 is not compared with a table column")]
    [InlineData("SELECT id FROM unanalysed WHERE label = $1", "has no statistics")]
    [InlineData("SELECT id FROM orders WHERE status = 'new'", "no placeholders")]
    [InlineData("SELECT id FROM orders WHERE status = $1 AND id > (SELECT max(id) - 10 FROM orders)", "sub-plans")]
    public async Task Statement_whose_placeholders_cannot_all_be_given_values_keeps_only_the_generic_plan(string statement, string reason)
    {
        var (_, sampled) = await PlanAsync(statement);

        Assert.Empty(sampled.Plans);
        Assert.Contains(reason, sampled.NotPlannedReason, StringComparison.Ordinal);
    }
}
