using System.Text.Json;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Testing.OpenAiStub;

namespace DbArchitect.Cli.Tests;

/// <summary>The model proposes a rewrite through the real connector; the target proves it before the plan may carry it.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class AnalyzeWithModelRewriteTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    private const string CorrelatedCount =
        "SELECT c.id, (SELECT count(*) FROM public.orders o WHERE o.customer_id = c.id) AS orders FROM public.customers c";

    private const string JoinedCount =
        "SELECT c.id, count(o.id) AS orders FROM public.customers c LEFT JOIN public.orders o ON o.customer_id = c.id GROUP BY c.id";

    [Fact]
    public async Task A_rewrite_check_rewrite_accepted_is_written_to_the_todo_after_a_second_round()
    {
        var withRewrite = TodoJson.Serialize(WithRewrite(await DeterministicDocumentAsync()));
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(
            StubReply.ToolCall("check_rewrite", JsonSerializer.Serialize(new { statement = CorrelatedCount, rewrite = JoinedCount })),
            StubReply.Text(withRewrite),
            StubReply.Text(withRewrite));
        using var directory = new TempDirectory();

        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", directory.Path, "--no-sql-check",
            "--model", "openai-compatible", "--model-endpoint", stub.Endpoint.ToString(), "--model-name", StubReply.ModelName);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2 answer(s) in 2 round(s)", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests.Count);
        Assert.True(ToolResult(stub.Requests[1].Body).GetProperty("accepted").GetBoolean());
        Assert.Contains("rewrite of given: cost", stub.Requests[2].Body, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN public.orders o ON o.customer_id = c.id", await File.ReadAllTextAsync(directory.TodoPath), StringComparison.Ordinal);
    }

    /// <summary>The tool message the connector sent back, as the model reads it.</summary>
    private static JsonElement ToolResult(string requestBody)
    {
        var messages = JsonDocument.Parse(requestBody).RootElement.GetProperty("messages").EnumerateArray();
        var tool = messages.Single(m => m.GetProperty("role").GetString() == "tool");
        return JsonDocument.Parse(tool.GetProperty("content").GetString()!).RootElement;
    }

    private async Task<TodoDocument> DeterministicDocumentAsync()
    {
        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--format", "json", "--no-sql-check");
        Assert.True(run.ExitCode == 0, run.Error);
        return TodoJson.Deserialize(run.Output);
    }

    /// <summary>The deterministic document plus a query-optimization entry carrying the rewrite, numbered after what is there.</summary>
    private static TodoDocument WithRewrite(TodoDocument document)
    {
        var area = TodoIds.AreaNumber(FindingArea.QueryOptimization);
        var itemId = $"DB-ITEM-{area}.{1 + document.Items.Count(i => i.Id.StartsWith($"DB-ITEM-{area}.", StringComparison.Ordinal))}";
        var planId = $"DB-PLAN-{area}.{1 + document.Plan.Count(p => p.Id.StartsWith($"DB-PLAN-{area}.", StringComparison.Ordinal))}";
        var item = new TodoItem
        {
            Id = itemId,
            Done = false,
            Title = "Count each customer's orders with one join instead of a sub-query per customer",
            Type = ChangeKind.QueryOptimization,
            Severity = Severity.Medium,
            FindingKey = "query-rewrite:customer-order-counts",
            Sql = $"-- replaces the per-customer count in the application\n{JoinedCount};",
            Rollback = $"{CorrelatedCount};",
            Rationale = "One hash join and one aggregate read orders once; the correlated form scans it per customer.",
            Testing = "check_rewrite compared both results on the target; EXPLAIN ANALYZE the new statement and look for one Hash Join.",
            References = ["public.customers", "public.orders"],
        };
        var entry = new PlanEntry
        {
            Id = planId,
            Done = false,
            Title = "Rewrite the customer order count",
            Area = FindingArea.QueryOptimization,
            Key = "QueryOptimization:query-rewrite",
            TablesAffected = ["public.customers", "public.orders"],
            MigrationStrategy = "Application change, no DDL",
            RollbackPlan = "Deploy the previous statement again",
            PerformanceImpact = "Reads orders once instead of once per customer",
            ItemIds = [itemId],
        };
        return document with { Items = [.. document.Items, item], Plan = [.. document.Plan, entry] };
    }
}
