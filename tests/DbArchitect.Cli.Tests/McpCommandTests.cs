using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DbArchitect.Cli.Tests;

/// <summary>
/// <c>dbarch mcp</c> as an MCP client meets it: a real <c>dbarch</c> process over stdio, driven by
/// the SDK's own client, listing the tools and calling them on a real database.
/// </summary>
public sealed class McpCommandTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    [Fact]
    public async Task An_mcp_client_lists_the_tools_over_stdio_and_calls_them_with_literals_masked()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "dbarch",
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "dbarch.dll"), "mcp", "--connection", shop.AdminConnectionString],
            StandardErrorLines = stderr.Enqueue,
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);

        var tools = await client.ListToolsAsync(cancellationToken: timeout.Token);
        var described = await client.CallToolAsync("describe_table", new Dictionary<string, object?> { ["table"] = "public.orders" }, cancellationToken: timeout.Token);
        var planned = await client.CallToolAsync("explain", new Dictionary<string, object?> { ["statement"] = "SELECT id FROM orders WHERE status = 'refund-4711-secret'" }, cancellationToken: timeout.Token);

        Assert.Equal(
            ["advise_indexes", "check_rewrite", "cost_index", "describe_table", "explain", "list_findings", "list_tables"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains(tools, t => t.Name == "cost_index" && t.Description.Contains("hypopg", StringComparison.Ordinal));
        var table = JsonDocument.Parse(Text(described)).RootElement;
        Assert.Equal("public.orders", table.GetProperty("name").GetString());
        Assert.Contains(table.GetProperty("indexes").EnumerateArray(), i => i.GetProperty("name").GetString() == "public.orders_status_a");
        var plan = Text(planned);
        Assert.Contains("\"nodes\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("refund-4711-secret", plan, StringComparison.Ordinal);
        Assert.Contains(stderr, line => line.StartsWith("dbarch mcp: serving 7 tools", StringComparison.Ordinal));
        Assert.DoesNotContain(shop.AdminConnectionString, string.Join('\n', stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_target_it_fails_with_one_line_and_the_usage_code()
    {
        var run = await CliRun.InvokeAsync("mcp");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("dbarch: give exactly one of --connection and --demo", run.Error.Trim());
    }

    private static string Text(CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        return string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
    }
}
