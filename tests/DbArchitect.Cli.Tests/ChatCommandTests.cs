using System.Text.Json;
using DbArchitect.Testing;
using DbArchitect.Testing.OpenAiStub;

namespace DbArchitect.Cli.Tests;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ChatCommandTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    [Fact]
    public async Task Piped_slash_commands_are_answered_from_the_tools_without_a_model()
    {
        var script = """
            /help
            /tables
            /explain SELECT id FROM orders WHERE customer_id = 3
            hello, what should I index?
            /bogus
            /quit
            /tables
            """;

        var run = await CliRun.InvokeWithInputAsync(script, "chat", "--connection", shop.AdminConnectionString, "--model", "none");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("/explain <sql>", run.Output, StringComparison.Ordinal);
        Assert.Contains("public.orders", run.Output, StringComparison.Ordinal);
        Assert.Contains("Seq Scan on orders", run.Output, StringComparison.Ordinal);
        Assert.Contains("no model is configured (--model none)", run.Output, StringComparison.Ordinal);
        Assert.Contains("unknown command /bogus", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Split('\n'), l => l.StartsWith("public.orders ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Advise_in_chat_costs_the_statement_with_hypothetical_indexes()
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");

        var run = await CliRun.InvokeWithInputAsync("/advise SELECT total FROM orders WHERE customer_id = $1\n", "chat", "--connection", shop.AdminConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_command_reports_one_line_and_the_session_goes_on()
    {
        var run = await CliRun.InvokeWithInputAsync("/explain SELEC nonsense\n/explain DELETE FROM orders; DELETE FROM customers\n/tables\n", "chat", "--connection", shop.AdminConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dbarch: refused: not a statement EXPLAIN can plan", run.Error, StringComparison.Ordinal);
        Assert.Contains("dbarch: refused: exactly one statement is allowed", run.Error, StringComparison.Ordinal);
        Assert.Contains("public.customers", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_goes_to_the_model_through_the_openai_connector_and_its_answer_is_streamed()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(StubReply.StreamedText("Index ", "orders(customer_id)."));
        using var environment = new ProcessEnvironment(("DBARCH_API_KEY", "sk-test-secret-key"));

        var run = await CliRun.InvokeWithInputAsync("what should I index?\n", "chat", "--connection", shop.AdminConnectionString,
            "--model", "openai-compatible", "--model-endpoint", stub.Endpoint.ToString(), "--model-name", StubReply.ModelName);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Index orders(customer_id).", run.Output, StringComparison.Ordinal);
        var request = Assert.Single(stub.Requests);
        Assert.Contains("what should I index?", request.Body, StringComparison.Ordinal);
        Assert.Contains("list_tables", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.AdminConnectionString, request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-secret-key", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_chat_without_a_model_lists_tables_and_writes_a_validated_todo()
    {
        using var directory = new TempDirectory();

        var run = await CliRun.InvokeWithInputAsync($"/tables\n/todo {directory.Path}\n/quit\n", "chat", "--demo", "--model", "none");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("public.events", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.Contains($"TODO written to {directory.TodoPath}", StringComparison.Ordinal), run.Error);
        Assert.True(File.Exists(directory.TodoPath));
    }

    [Fact]
    public async Task A_tool_call_of_the_model_is_shown_as_it_happens_and_its_answer_streams_after_it()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(StubReply.StreamedToolCall("list_tables", "{}"), StubReply.StreamedText("The largest table ", "is orders."));

        var run = await CliRun.InvokeInterleavedAsync("which table is largest?\n/quit\n", ChatWithModel(stub));

        Assert.True(run.ExitCode == 0, run.Output);
        var toolLine = run.Output.IndexOf("[tool] list_tables\n", StringComparison.Ordinal);
        var answer = run.Output.IndexOf("The largest table is orders.", StringComparison.Ordinal);
        Assert.True(toolLine >= 0 && answer > toolLine, run.Output);
        Assert.Equal(2, stub.Requests.Count);
        var toolResult = Assert.Single(stub.Requests[1].Messages, m => m.GetProperty("role").GetString() == "tool");
        Assert.Equal("call_1", toolResult.GetProperty("tool_call_id").GetString());
        Assert.Contains("public.orders", toolResult.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_can_ask_the_target_whether_a_rewrite_returns_the_same_rows_for_less()
    {
        const string original = "SELECT c.id, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c";
        const string rewrite = "SELECT c.id, count(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id";
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(
            StubReply.StreamedToolCall("check_rewrite", System.Text.Json.JsonSerializer.Serialize(new { statement = original, rewrite })),
            StubReply.StreamedText("The join is equivalent here and cheaper."));

        var run = await CliRun.InvokeInterleavedAsync("can I replace the per-customer count with a join?\n/quit\n", ChatWithModel(stub));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("[tool] check_rewrite\n", run.Output, StringComparison.Ordinal);
        var toolResult = Assert.Single(stub.Requests[1].Messages, m => m.GetProperty("role").GetString() == "tool");
        var check = System.Text.Json.JsonDocument.Parse(toolResult.GetProperty("content").GetString()!).RootElement;
        Assert.True(check.GetProperty("accepted").GetBoolean());
        Assert.Equal(500, check.GetProperty("rowsAfter").GetInt64());
        Assert.True(check.GetProperty("sameRows").GetBoolean());
        Assert.True(check.GetProperty("costAfter").GetDouble() < check.GetProperty("costBefore").GetDouble());
    }

    [Fact]
    public async Task A_rewrite_the_model_wrote_with_a_function_that_acts_is_planned_but_never_executed()
    {
        // Cheaper than the original, so only the execution guard stands between it and a run.
        const string original = "SELECT c.id, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c";
        const string rewrite = "SELECT c.id, count(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE pg_stat_reset() IS NULL OR true GROUP BY c.id";
        var resetBefore = await StatisticsResetAsync();
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(
            StubReply.StreamedToolCall("check_rewrite", System.Text.Json.JsonSerializer.Serialize(new { statement = original, rewrite })),
            StubReply.StreamedText("That rewrite cannot be checked."));

        var run = await CliRun.InvokeInterleavedAsync("is this rewrite the same?\n/quit\n", ChatWithModel(stub));

        Assert.True(run.ExitCode == 0, run.Output);
        var toolResult = Assert.Single(stub.Requests[1].Messages, m => m.GetProperty("role").GetString() == "tool").GetProperty("content").GetString();
        var check = System.Text.Json.JsonDocument.Parse(toolResult!).RootElement;
        Assert.False(check.GetProperty("accepted").GetBoolean());
        Assert.Contains("pg_stat_reset", check.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.Equal(resetBefore, await StatisticsResetAsync());
    }

    [Fact]
    public async Task A_literal_in_a_plan_filter_never_reaches_the_model()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(
            StubReply.StreamedToolCall("explain", System.Text.Json.JsonSerializer.Serialize(new { statement = "SELECT id FROM orders WHERE status = 'refund-4711-secret'" })),
            StubReply.StreamedText("It scans orders."));

        var run = await CliRun.InvokeInterleavedAsync("why is this slow?\n/quit\n", ChatWithModel(stub));

        Assert.True(run.ExitCode == 0, run.Output);
        var toolResult = Assert.Single(stub.Requests[1].Messages, m => m.GetProperty("role").GetString() == "tool").GetProperty("content").GetString()!;
        Assert.Contains("public.orders", toolResult, StringComparison.Ordinal);
        Assert.Contains("status", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain("refund-4711-secret", toolResult, StringComparison.Ordinal);
    }

    private async Task<DateTime?> StatisticsResetAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(shop.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()", connection);
        return await command.ExecuteScalarAsync() as DateTime?;
    }

    [Fact]
    public async Task The_session_keeps_its_history_so_the_second_question_is_sent_with_the_first_and_its_answer()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(StubReply.StreamedText("Orders has ", "no index on customer_id."), StubReply.StreamedText("Yes, concurrently."));

        var run = await CliRun.InvokeWithInputAsync("what is wrong with orders?\ncan I add it online?\n/quit\n", ChatWithModel(stub));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Yes, concurrently.", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
        var turns = stub.Requests[1].Messages
            .Where(m => m.GetProperty("role").GetString() is "user" or "assistant")
            .Select(m => (m.GetProperty("role").GetString(), Text(m)))
            .ToList();
        Assert.Equal(
            [("user", "what is wrong with orders?"), ("assistant", "Orders has no index on customer_id."), ("user", "can I add it online?")],
            turns);
    }

    private string[] ChatWithModel(OpenAiStubServer stub) =>
    [
        "chat", "--connection", shop.AdminConnectionString,
        "--model", "openai-compatible", "--model-endpoint", stub.Endpoint.ToString(), "--model-name", StubReply.ModelName,
    ];

    /// <summary>A message's text, whether the client sent it as a string or as an array of text parts.</summary>
    private static string Text(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString() ?? ""
            : string.Concat(content.EnumerateArray().Select(part => part.GetProperty("text").GetString()));
    }
}
