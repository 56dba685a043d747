using System.Text.Json;
using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Core.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Postgres.Tools.Grounding;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Tests.Architect;

[Collection(ArchitectDatabaseCollection.Name)]
public sealed class ModelArchitectTests(ArchitectDatabaseFixture fixture)
{
    private ArchitectInput Input => fixture.Input;

    [Fact]
    public async Task Tool_call_turn_then_valid_document_is_used_and_the_tool_result_reaches_the_next_request()
    {
        var model = new ScriptedChatClient()
            .CallTool("call-1", "describe_table", new() { ["table"] = "public.orders" })
            .Answer(messages =>
            {
                // The model cites a number the tool measured: the table's estimated rows.
                var described = JsonDocument.Parse(ToolResult(messages, "call-1"));
                var rows = described.RootElement.GetProperty("rows").GetInt64();
                return Json(WithFirstItem(item => item with
                {
                    Title = "Model: " + item.Title,
                    Evidence = [.. item.Evidence, new Evidence("rows in public.orders (describe_table)", rows.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                }));
            });

        var result = await RunAsync(model);

        Assert.False(result.UsedFallback, string.Join(" | ", result.RepairErrors));
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith("Model: ", result.Document.Items[0].Title, StringComparison.Ordinal);
        Assert.Equal(Input.Generator, result.Document.Context.Generator);
        Assert.Equal(1, result.ToolCalls["describe_table"]);
        Assert.Equal(2, model.Requests.Count);
        Assert.Contains("customer_id", ToolResult(model.Requests[1], "call-1"), StringComparison.Ordinal);
        Assert.Equal((240, 2), (result.TokenUsage.TotalTokens, result.TokenUsage.Calls));
    }

    [Fact]
    public async Task Schema_error_is_handed_back_with_the_repair_prompt_and_the_repaired_document_is_used()
    {
        var model = new ScriptedChatClient()
            .Answer("""{ "context": { "engine": "PostgreSQL" }, "items": [ { "id": "DB-ITEM-x" } ] }""")
            .Answer(Json(Input.Fallback));

        var result = await RunAsync(model);

        Assert.False(result.UsedFallback);
        Assert.Equal(2, result.Attempts);
        Assert.NotEmpty(result.RepairErrors);
        var repair = model.Requests[1][^1];
        Assert.Equal(ChatRole.User, repair.Role);
        Assert.Contains("was not accepted", repair.Text, StringComparison.Ordinal);
        Assert.Contains("This is attempt 1 of", repair.Text, StringComparison.Ordinal);
        foreach (var error in result.RepairErrors)
        {
            Assert.Contains(error["attempt 1: ".Length..], repair.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Output_that_is_never_valid_falls_back_to_the_deterministic_document()
    {
        var model = new ScriptedChatClient().Answer("not json").Answer("still not json").Answer("""{ "plan": [] }""");

        var result = await RunAsync(model);

        Assert.True(result.UsedFallback);
        Assert.Same(Input.Fallback, result.Document);
        Assert.Equal(3, result.Attempts);
        Assert.NotNull(result.FallbackReason);
        Assert.Contains(result.RepairErrors, error => error.StartsWith("attempt 3: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hallucinated_table_is_rejected_by_grounding_and_the_repaired_document_is_used()
    {
        var hallucinated = WithFirstItem(item => item with
        {
            Sql = "CREATE INDEX CONCURRENTLY IF NOT EXISTS no_such_table_id_idx ON public.no_such_table (id);",
            Rollback = "DROP INDEX CONCURRENTLY IF EXISTS public.no_such_table_id_idx;",
        });
        var model = new ScriptedChatClient().Answer(Json(hallucinated)).Answer(Json(Input.Fallback));

        var result = await RunAsync(model);

        Assert.False(result.UsedFallback);
        Assert.Equal(2, result.Attempts);
        Assert.Contains(result.RepairErrors, error => error.Contains("sql names public.no_such_table,", StringComparison.Ordinal));
        Assert.Contains("public.no_such_table", model.Requests[1][^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Number_in_evidence_that_no_tool_produced_is_rejected()
    {
        var invented = WithFirstItem(item => item with { Evidence = [.. item.Evidence, new Evidence("rows scanned per call", "987,654,321")] });
        var model = new ScriptedChatClient().Answer(Json(invented));

        var result = await RunAsync(model, new ArchitectOptions { MaxRepairs = 0 });

        Assert.True(result.UsedFallback);
        Assert.Equal(1, result.Attempts);
        Assert.Contains(result.RepairErrors, error => error.Contains("cites 987654321", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Index_the_model_proposes_enters_the_plan_only_after_cost_index_showed_a_gain()
    {
        const string proposal = "CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_email_idx ON public.customers (email);";
        var proposing = WithFirstItem(item => item with
        {
            Type = ChangeKind.Index,
            Sql = proposal,
            Rollback = "DROP INDEX CONCURRENTLY IF EXISTS public.customers_email_idx;",
        });
        var model = new ScriptedChatClient()
            .Answer(Json(proposing))
            .CallTool("call-1", "cost_index", new()
            {
                ["createIndex"] = "create index on public.customers (email)",
                ["statements"] = new[] { "SELECT id FROM public.customers WHERE email = 'c7@example.com'" },
            })
            .Answer(Json(proposing))
            .Answer(Json(proposing));

        var result = await RunAsync(model);

        Assert.False(result.UsedFallback, string.Join(" | ", result.RepairErrors));
        Assert.Equal((3, 2), (result.Attempts, result.Rounds));
        Assert.Contains(result.RepairErrors, error => error.Contains("was not costed in this run", StringComparison.Ordinal));
        Assert.Equal(proposal, result.Document.Items[0].Sql);
        var round = model.Requests[3][^1].Text;
        Assert.Contains("This is round 2 of at most 3", round, StringComparison.Ordinal);
        Assert.Contains("index CREATE INDEX ON public.customers (email): workload cost", round, StringComparison.Ordinal);
    }

    [Fact]
    public void Deterministic_document_passes_the_grounding_check()
    {
        var measured = new MeasuredNumbers();
        foreach (var evidence in Input.Findings.SelectMany(f => f.Evidence))
        {
            measured.AddFrom(evidence.Value);
        }

        Assert.Empty(new GroundingCheck(fixture.Snapshot).Check(Input.Fallback, measured));
        Assert.NotEmpty(Input.Fallback.Items);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_without_a_document()
    {
        using var cancellation = new CancellationTokenSource();
        var model = new ScriptedChatClient()
            .CallTool("call-1", "list_tables", [])
            .Then(async (_, token) =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            });
        var architect = new ModelArchitect(model.WithFunctionInvocation(), await PromptLibrary.LoadAsync(null, CancellationToken.None));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => architect.RunAsync(Input, cancellation.Token));
        Assert.Equal(2, model.Requests.Count);
    }

    [Fact]
    public async Task No_literal_of_a_workload_statement_reaches_the_model()
    {
        var model = new ScriptedChatClient()
            .Then((_, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant,
            [
                new FunctionCallContent("call-1", "explain", new Dictionary<string, object?> { ["statement"] = "W1" }),
                new FunctionCallContent("call-2", "list_findings", new Dictionary<string, object?> { ["pageSize"] = 50 }),
                new FunctionCallContent("call-3", "cost_index", new Dictionary<string, object?> { ["createIndex"] = "CREATE INDEX ON public.orders (customer_id)" }),
            ]))))
            .Answer(Json(Input.Fallback));

        var result = await RunAsync(model);

        Assert.False(result.UsedFallback);
        Assert.Contains("\"totalCost\"", ToolResult(model.Requests[1], "call-1"), StringComparison.Ordinal);
        Assert.Contains("\"usesIndex\"", ToolResult(model.Requests[1], "call-3"), StringComparison.Ordinal);
        Assert.Contains(Input.Findings, f => f.Title.Contains(ArchitectDatabaseFixture.SecretStatus, StringComparison.Ordinal)
            || f.Evidence.Any(e => e.Value.Contains(ArchitectDatabaseFixture.SecretStatus, StringComparison.Ordinal)));
        var sent = string.Join('\n', model.Requests.SelectMany(request => request).Select(Serialized));
        Assert.Contains("$1", sent, StringComparison.Ordinal);
        foreach (var literal in ArchitectDatabaseFixture.Literals)
        {
            Assert.DoesNotContain(literal, sent, StringComparison.Ordinal);
        }
    }

    private Task<ArchitectResult> RunAsync(ScriptedChatClient model, ArchitectOptions? options = null) => ArchitectRuns.RunAsync(Input, model, options);

    private TodoDocument WithFirstItem(Func<TodoItem, TodoItem> change) => ArchitectRuns.WithFirstItem(Input, change);

    private static string Json(TodoDocument document) => TodoJson.Serialize(document);

    private static string ToolResult(IReadOnlyList<ChatMessage> messages, string callId) => ArchitectRuns.ToolResult(messages, callId);

    private static string Serialized(ChatMessage message) =>
        string.Join('\n', message.Contents.Select(content => content switch
        {
            TextContent text => text.Text,
            FunctionResultContent result => JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions),
            FunctionCallContent call => JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions),
            _ => "",
        }));
}
