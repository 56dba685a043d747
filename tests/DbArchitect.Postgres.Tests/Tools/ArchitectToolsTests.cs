using System.Text.Json;
using DbArchitect.Core.Redaction;
using DbArchitect.Postgres.Tools;
using DbArchitect.Testing;
using Microsoft.Extensions.AI;

namespace DbArchitect.Postgres.Tests.Tools;

[Collection(ShopWorkloadCollection.Name)]
public sealed class ArchitectToolsTests(ShopWorkloadFixture fixture)
{
    private ArchitectTools Tools(SecretRedactor? secrets = null) =>
        new(fixture.Snapshot, fixture.Findings, ShopWorkloadFixture.Workload, fixture.Session,
            LiteralRedactor.For(ShopWorkloadFixture.Workload.Select(w => w.Text)), secrets);

    [Fact]
    public async Task List_tables_pages_largest_first_with_the_total()
    {
        var tools = Tools();

        var first = await CallAsync(tools, "list_tables", new() { ["page"] = 1, ["pageSize"] = 1 });
        var second = await CallAsync(tools, "list_tables", new() { ["page"] = 2, ["pageSize"] = 1 });

        Assert.Equal(2, first.GetProperty("total").GetInt32());
        Assert.Equal("public.orders", first.GetProperty("tables")[0].GetProperty("name").GetString());
        Assert.Equal("public.customers", second.GetProperty("tables")[0].GetProperty("name").GetString());
        Assert.Equal(2, tools.Log.Counts["list_tables"]);
    }

    [Fact]
    public async Task Describe_table_gives_columns_indexes_and_constraints_and_refuses_an_unknown_table()
    {
        var tools = Tools();

        var orders = await CallAsync(tools, "describe_table", new() { ["table"] = "orders" });
        var missing = await CallAsync(tools, "describe_table", new() { ["table"] = "public.no_such_table" });

        Assert.Contains(orders.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "customer_id");
        Assert.Contains(orders.GetProperty("indexes").EnumerateArray(), i => i.GetProperty("name").GetString() == "public.orders_pkey");
        Assert.Contains(orders.GetProperty("constraints").EnumerateArray(), c => c.GetProperty("kind").GetString() == "ForeignKey");
        Assert.Contains("no table", missing.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_findings_gives_keys_and_evidence_with_the_workload_literals_masked()
    {
        var page = await CallAsync(Tools(), "list_findings", new() { ["pageSize"] = 50 });

        Assert.Equal(fixture.Findings.Count, page.GetProperty("total").GetInt32());
        Assert.Contains(page.GetProperty("findings").EnumerateArray(), f => f.GetProperty("key").GetString()!.StartsWith("fk-", StringComparison.Ordinal));
        Assert.All(ShopWorkloadFixture.Literals, literal => Assert.DoesNotContain(literal, page.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_plans_a_workload_statement_by_id_and_shows_it_without_its_constants()
    {
        var plan = await CallAsync(Tools(), "explain", new() { ["statement"] = "W2" });

        Assert.Contains("customer_id = $1", plan.GetProperty("statement").GetString(), StringComparison.Ordinal);
        Assert.True(plan.GetProperty("totalCost").GetDouble() > 0);
        Assert.Contains(plan.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("nodeType").GetString() == "Seq Scan" && n.GetProperty("relation").GetString() == "public.orders");
        Assert.DoesNotContain(ShopWorkloadFixture.SecretCustomer, plan.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_refuses_what_it_cannot_plan_with_an_error_for_the_model()
    {
        var refused = await CallAsync(Tools(), "explain", new() { ["statement"] = "SELECT 1; SELECT 2" });

        Assert.True(refused.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Cost_index_costs_a_proposed_index_with_hypopg_before_and_after_each_workload_statement()
    {
        var costing = await CallAsync(Tools(), "cost_index", new() { ["createIndex"] = "CREATE INDEX CONCURRENTLY orders_by_status ON public.orders USING btree (status, total);" });

        var byStatus = costing.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "W1");
        Assert.True(byStatus.GetProperty("usesIndex").GetBoolean());
        Assert.True(byStatus.GetProperty("costAfter").GetDouble() < byStatus.GetProperty("costBefore").GetDouble());
        Assert.True(costing.GetProperty("estimatedBytes").GetInt64() > 0);
        Assert.Equal(0, await fixture.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders' AND indexname <> 'orders_pkey'"));
    }

    [Fact]
    public async Task Cost_index_measures_over_the_plans_indexes_so_only_what_an_index_adds_counts_as_gain()
    {
        var tools = Tools();
        string[] emailLookup = ["SELECT id FROM public.customers WHERE email = 'c7@example.com'"];

        // The findings propose orders(status, total): costing it shows its effect, but it is no new gain.
        var proposed = await CallAsync(tools, "cost_index", new() { ["createIndex"] = "CREATE INDEX ON public.orders (status, total)" });
        var byEmail = await CallAsync(tools, "cost_index", new() { ["createIndex"] = "CREATE INDEX ON public.customers (email)", ["statements"] = emailLookup });
        var wider = await CallAsync(tools, "cost_index", new() { ["createIndex"] = "CREATE INDEX ON public.customers (email, created_at)", ["statements"] = emailLookup });

        Assert.True(proposed.GetProperty("totalCostAfter").GetDouble() < proposed.GetProperty("totalCostBefore").GetDouble());
        Assert.True(byEmail.GetProperty("totalCostAfter").GetDouble() < byEmail.GetProperty("totalCostBefore").GetDouble());
        Assert.True(wider.GetProperty("planIndexes").GetInt32() > byEmail.GetProperty("planIndexes").GetInt32());
        Assert.False(wider.GetProperty("totalCostAfter").GetDouble() < wider.GetProperty("totalCostBefore").GetDouble());
        Assert.Contains("CREATE INDEX ON public.customers (email):", Assert.Single(tools.Gains.Since(0)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_rewrite_runs_a_rewrite_written_with_placeholders_on_the_workload_statements_own_constants()
    {
        var check = await CallAsync(Tools(), "check_rewrite", new()
        {
            ["statement"] = "W1",
            ["rewrite"] = "SELECT id, total FROM public.orders WHERE total > $2 AND status = $1",
        });

        // Bound to the statement's own constants, the rewrite plans exactly like it: refused as no
        // cheaper, not for a placeholder mismatch; and the constants never show.
        Assert.False(check.GetProperty("accepted").GetBoolean());
        Assert.Contains("not cheaper", check.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.Equal(check.GetProperty("costBefore").GetDouble(), check.GetProperty("costAfter").GetDouble());
        foreach (var literal in ShopWorkloadFixture.Literals)
        {
            Assert.DoesNotContain(literal, check.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cost_index_refuses_anything_but_one_create_index()
    {
        var tools = Tools();

        var drop = await CallAsync(tools, "cost_index", new() { ["createIndex"] = "DROP TABLE public.orders" });
        var two = await CallAsync(tools, "cost_index", new() { ["createIndex"] = "CREATE INDEX ON public.orders (status); CREATE INDEX ON public.orders (total)" });
        var gin = await CallAsync(tools, "cost_index", new() { ["createIndex"] = "CREATE INDEX ON public.orders USING gin (status)" });
        var unknown = await CallAsync(tools, "cost_index", new() { ["createIndex"] = "CREATE INDEX ON public.no_such_table (id)" });

        Assert.Contains("not a CREATE INDEX", drop.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("exactly one", two.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("gin", gin.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("does not exist", unknown.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_masked_out_of_tool_results()
    {
        var secrets = new SecretRedactor();
        secrets.Add("customer_id");

        var orders = await CallAsync(Tools(secrets), "describe_table", new() { ["table"] = "public.orders" });

        Assert.DoesNotContain("customer_id", orders.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, orders.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advise_indexes_runs_the_advisor_on_the_named_statements_with_their_constants_hidden()
    {
        var advice = await CallAsync(Tools(), "advise_indexes", new() { ["statements"] = new[] { "W2" } });

        var index = Assert.Single(advice.GetProperty("indexes").EnumerateArray());
        Assert.Contains("public.orders", index.GetProperty("index").GetString(), StringComparison.Ordinal);
        Assert.Contains("customer_id", index.GetProperty("index").GetString(), StringComparison.Ordinal);
        var statement = Assert.Single(advice.GetProperty("statements").EnumerateArray());
        Assert.Equal("W2", statement.GetProperty("id").GetString());
        Assert.True(statement.GetProperty("costAfter").GetDouble() < statement.GetProperty("costBefore").GetDouble());
        Assert.DoesNotContain(ShopWorkloadFixture.SecretCustomer, advice.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_data_source_only_the_catalog_tools_are_offered()
    {
        var tools = new ArchitectTools(fixture.Snapshot, fixture.Findings, [], null, LiteralRedactor.Off);

        Assert.Equal(["list_tables", "describe_table", "list_findings"], tools.Functions.Select(f => f.Name));
    }

    private static async Task<JsonElement> CallAsync(ArchitectTools tools, string name, Dictionary<string, object?> arguments)
    {
        var result = await tools.Functions.Single(f => f.Name == name).InvokeAsync(new AIFunctionArguments(arguments), CancellationToken.None);
        return Assert.IsType<JsonElement>(result);
    }
}
