using System.Text.Json;

namespace DbArchitect.Cli.Tests;

public sealed class ExplainCommandTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    [Fact]
    public async Task Explain_prints_the_plan_tree_and_its_insights()
    {
        var run = await CliRun.InvokeAsync("explain", "--connection", shop.AdminConnectionString, "--analyze", "SELECT * FROM orders WHERE status = 'paid' ORDER BY id");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(" on orders", run.Output, StringComparison.Ordinal);
        Assert.Contains("actual time=", run.Output, StringComparison.Ordinal);
        Assert.Contains("Execution time:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_json_carries_the_server_plan_and_insights()
    {
        var run = await CliRun.InvokeAsync("explain", "--connection", shop.AdminConnectionString, "--format", "json", "SELECT id FROM orders WHERE customer_id = $1");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("analyzed").GetBoolean());
        Assert.Equal("Seq Scan", json.RootElement.GetProperty("plan")[0].GetProperty("Plan").GetProperty("Node Type").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("insights").ValueKind);
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2", "exactly one statement")]
    [InlineData("DELETE FROM orders", "modifies data")]
    [InlineData("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'victim'", "not executed: pg_terminate_backend is VOLATILE in pg_proc; planned only")]
    public async Task Explain_analyze_refusals_exit_2_with_the_reason(string sql, string reason)
    {
        var before = await PgDump.DumpAsync(shop.AdminConnectionString);

        var run = await CliRun.InvokeAsync("explain", "--connection", shop.AdminConnectionString, "--analyze", sql);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.LastErrorLine, StringComparison.Ordinal);
        Assert.Equal(before, await PgDump.DumpAsync(shop.AdminConnectionString));
    }
}
