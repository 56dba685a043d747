using System.Text.Json;
using DbArchitect.Core.Todo.Markdown;
using DbArchitect.Testing;

namespace DbArchitect.Cli.Tests;

public sealed class AdviseCommandTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    private const string ByCustomer = "SELECT id, total FROM orders WHERE customer_id = $1";

    private static async Task<string> WorkloadFile(TempDirectory directory)
    {
        var path = Path.Combine(directory.Path, "workload.sql");
        await File.WriteAllTextAsync(path, $"-- the customer's order list\n{ByCustomer};\nSELECT count(*) FROM orders;\n");
        return path;
    }

    [SkippableFact]
    public async Task Advise_json_gives_each_statement_its_costs_and_chosen_indexes()
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        using var directory = new TempDirectory();

        var run = await CliRun.InvokeAsync("advise", "--connection", shop.AdminConnectionString, "--workload", await WorkloadFile(directory), "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var statements = json.RootElement.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(2, statements.Count);
        var lookup = statements.Single(s => s.GetProperty("text").GetString() == ByCustomer);
        Assert.True(lookup.GetProperty("costAfter").GetDouble() < lookup.GetProperty("costBefore").GetDouble() / 2);
        Assert.Equal("public.orders_customer_id_idx", lookup.GetProperty("indexes")[0].GetString());
        var recommendation = Assert.Single(json.RootElement.GetProperty("recommendations").EnumerateArray());
        Assert.Equal("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);", recommendation.GetProperty("create").GetString());
        Assert.Equal("DROP INDEX CONCURRENTLY IF EXISTS public.orders_customer_id_idx;", recommendation.GetProperty("rollback").GetString());
        Assert.True(recommendation.GetProperty("estimatedBytes").GetInt64() > 0);
    }

    [SkippableFact]
    public async Task Analyze_with_the_same_workload_puts_the_advisor_evidence_into_the_todo()
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        using var directory = new TempDirectory();

        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--workload", await WorkloadFile(directory), "--out", directory.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var document = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(directory.TodoPath));
        // The foreign-key rule asks for the same index: one item, carrying the advisor's measurements.
        var item = Assert.Single(document.Items, i => i.Sql.Contains("CREATE INDEX CONCURRENTLY orders_customer_id_idx", StringComparison.Ordinal));
        Assert.Contains("DROP INDEX CONCURRENTLY IF EXISTS public.orders_customer_id_idx;", item.Rollback, StringComparison.Ordinal);
        Assert.Contains(item.Evidence, e => e.Label == "statement" && e.Value.StartsWith(ByCustomer + " — cost ", StringComparison.Ordinal) && e.Value.Contains(" → ", StringComparison.Ordinal));
        Assert.Contains(item.Evidence, e => e.Label == "measured with" && e.Value.StartsWith("hypopg", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_index_budget_of_zero_recommends_nothing_and_still_reports_every_statement()
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        using var directory = new TempDirectory();

        var run = await CliRun.InvokeAsync("advise", "--connection", shop.AdminConnectionString, "--workload", await WorkloadFile(directory), "--max-indexes", "0");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("with 0 new index(es)", run.Output, StringComparison.Ordinal);
        Assert.Contains("`SELECT count(*) FROM orders`", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task From_stats_takes_the_workload_from_pg_stat_statements()
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        // Many lookups and no writes since the reset: a read-heavy window, where the index pays.
        await shop.ExecuteAsync("SELECT pg_stat_statements_reset();" + string.Concat(Enumerable.Range(1, 200).Select(i => $"SELECT total FROM orders WHERE customer_id = {i};")));

        var run = await CliRun.InvokeAsync("advise", "--connection", shop.AdminConnectionString, "--from-stats", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var statement = Assert.Single(json.RootElement.GetProperty("statements").EnumerateArray(), s => s.GetProperty("text").GetString()!.Contains("customer_id = $1", StringComparison.Ordinal));
        Assert.Equal(200, statement.GetProperty("calls").GetInt64());
        Assert.Equal("public.orders_customer_id_idx", statement.GetProperty("indexes")[0].GetString());
    }

    [Theory]
    [InlineData("--storage-budget", "lots", "--storage-budget: not a size: 'lots'")]
    [InlineData("--max-indexes", "-1", "--max-indexes must be 0 or more")]
    public async Task Bad_budgets_exit_2_with_one_line(string option, string value, string message)
    {
        using var directory = new TempDirectory();

        var run = await CliRun.InvokeAsync("advise", "--connection", shop.AdminConnectionString, "--workload", await WorkloadFile(directory), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"dbarch: {message}", run.LastErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advise_without_a_workload_source_exits_2()
    {
        var run = await CliRun.InvokeAsync("advise", "--connection", shop.AdminConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("dbarch: give --workload FILE or --from-stats (or both)", run.LastErrorLine);
        Assert.Equal("", run.Output);
    }
}
