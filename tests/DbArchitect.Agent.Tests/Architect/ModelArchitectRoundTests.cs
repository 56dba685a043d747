using DbArchitect.Agent.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Tests.Architect;

/// <summary>The model proposes, the database decides: costing rounds, and rewrites that must be proven before they enter the plan.</summary>
[Collection(ArchitectDatabaseCollection.Name)]
public sealed class ModelArchitectRoundTests(ArchitectDatabaseFixture fixture)
{
    private const string CorrelatedCount =
        "SELECT c.id, (SELECT count(*) FROM public.orders o WHERE o.customer_id = c.id) AS orders FROM public.customers c";

    private const string JoinedCount =
        "SELECT c.id, count(o.id) AS orders FROM public.customers c LEFT JOIN public.orders o ON o.customer_id = c.id GROUP BY c.id";

    private static readonly Dictionary<string, object?> EmailIndex = new()
    {
        ["createIndex"] = "CREATE INDEX ON public.customers (email)",
        ["statements"] = new[] { "SELECT id FROM public.customers WHERE email = 'c7@example.com'" },
    };

    private ArchitectInput Input => fixture.Input;

    [Fact]
    public async Task Rounds_end_at_the_limit_even_when_every_round_gains()
    {
        var model = new ScriptedChatClient()
            .CallTool("call-1", "cost_index", EmailIndex)
            .Answer(Json(Input.Fallback))
            .CallTool("call-2", "cost_index", new()
            {
                ["createIndex"] = "CREATE INDEX ON public.orders (total)",
                ["statements"] = new[] { "SELECT id FROM public.orders WHERE total = 7" },
            })
            .Answer(Json(Input.Fallback));

        var result = await ArchitectRuns.RunAsync(Input, model, new ArchitectOptions { MaxRounds = 2 });

        Assert.False(result.UsedFallback);
        Assert.Equal((2, 2), (result.Attempts, result.Rounds));
        Assert.Equal(4, model.Requests.Count);
    }

    [Fact]
    public async Task A_round_that_gains_nothing_ends_the_rounds()
    {
        var model = new ScriptedChatClient()
            .CallTool("call-1", "cost_index", EmailIndex)
            .Answer(Json(Input.Fallback))
            .CallTool("call-2", "cost_index", new()
            {
                ["createIndex"] = "CREATE INDEX ON public.customers (email, created_at)",
                ["statements"] = EmailIndex["statements"],
            })
            .Answer(Json(Input.Fallback));

        var result = await ArchitectRuns.RunAsync(Input, model);

        Assert.Equal((2, 2), (result.Attempts, result.Rounds));
        Assert.Null(result.FallbackReason);
    }

    [Fact]
    public async Task When_a_later_round_never_passes_the_last_accepted_document_stands()
    {
        var model = new ScriptedChatClient()
            .CallTool("call-1", "cost_index", EmailIndex)
            .Answer(Json(Input.Fallback))
            .Answer("not json")
            .Answer("still not json");

        var result = await ArchitectRuns.RunAsync(Input, model, new ArchitectOptions { MaxRepairs = 1 });

        Assert.False(result.UsedFallback);
        Assert.Equal(Json(Input.Fallback with { Context = result.Document.Context }), Json(result.Document));
        Assert.Contains("round 1's accepted document stands", result.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewrite_the_target_proved_enters_the_plan_and_earns_another_round()
    {
        var model = new ScriptedChatClient()
            .CallTool("call-1", "check_rewrite", new() { ["statement"] = CorrelatedCount, ["rewrite"] = JoinedCount })
            .Answer(Json(WithRewrite()))
            .Answer(Json(WithRewrite()));

        var result = await ArchitectRuns.RunAsync(Input, model);

        Assert.False(result.UsedFallback, string.Join(" | ", result.RepairErrors));
        Assert.Equal((2, 2), (result.Attempts, result.Rounds));
        var check = System.Text.Json.JsonDocument.Parse(ArchitectRuns.ToolResult(model.Requests[1], "call-1")).RootElement;
        Assert.True(check.GetProperty("accepted").GetBoolean());
        Assert.True(check.GetProperty("sameRows").GetBoolean());
        Assert.Equal(2000, check.GetProperty("rowsAfter").GetInt64());
        Assert.Contains("rewrite of given: cost", model.Requests[2][^1].Text, StringComparison.Ordinal);
        Assert.Contains(JoinedCount, result.Document.Items[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewrite_the_target_refused_cannot_enter_the_plan()
    {
        const string fewerRows = JoinedCount + " HAVING c.id > 10";
        var model = new ScriptedChatClient()
            .CallTool("call-1", "check_rewrite", new() { ["statement"] = CorrelatedCount, ["rewrite"] = fewerRows })
            .Answer(Json(WithRewrite(fewerRows)))
            .Answer(Json(Input.Fallback));

        var result = await ArchitectRuns.RunAsync(Input, model);

        var check = System.Text.Json.JsonDocument.Parse(ArchitectRuns.ToolResult(model.Requests[1], "call-1")).RootElement;
        Assert.False(check.GetProperty("accepted").GetBoolean());
        Assert.False(check.GetProperty("sameRows").GetBoolean());
        Assert.Equal(2, result.Attempts);
        Assert.Contains(result.RepairErrors, error => error.Contains("was not accepted by check_rewrite", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rewrite_nobody_checked_is_sent_back_for_repair()
    {
        var model = new ScriptedChatClient().Answer(Json(WithRewrite())).Answer(Json(Input.Fallback));

        var result = await ArchitectRuns.RunAsync(Input, model);

        Assert.Equal(2, result.Attempts);
        Assert.Contains(result.RepairErrors, error => error.Contains("was not accepted by check_rewrite in this run", StringComparison.Ordinal));
    }

    private TodoDocument WithRewrite(string rewrite = JoinedCount) => ArchitectRuns.WithFirstItem(Input, item => item with
    {
        Type = ChangeKind.QueryOptimization,
        Title = "Count each customer's orders with one join instead of a sub-query per customer",
        Sql = $"-- replaces the correlated count\n{rewrite};",
        Rollback = $"{CorrelatedCount};",
    });

    private static string Json(TodoDocument document) => TodoJson.Serialize(document);
}
