using DbArchitect.Core.Todo.Markdown;
using DbArchitect.Testing.OpenAiStub;

namespace DbArchitect.Cli.Tests;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class AnalyzeWithModelTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    private Task<CliRun> AnalyzeAsync(OpenAiStubServer stub, string outDirectory) =>
        CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", outDirectory, "--no-sql-check",
            "--model", "openai-compatible", "--model-endpoint", stub.Endpoint.ToString(), "--model-name", StubReply.ModelName);

    [Fact]
    public async Task A_model_that_never_answers_with_a_valid_plan_leaves_the_deterministic_plan_written()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(StubReply.Text("here is your plan: add indexes"), StubReply.Text("{\"not\": \"a todo\"}"), StubReply.Text("still not a plan"));
        using var directory = new TempDirectory();

        var run = await AnalyzeAsync(stub, directory.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("the deterministic planner's plan is written instead", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Contains("json_schema", stub.Requests[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.AdminConnectionString, string.Concat(stub.Requests.Select(r => r.Body)), StringComparison.Ordinal);
        var document = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(directory.TodoPath));
        Assert.NotEmpty(document.Items);
    }

    [Fact]
    public async Task A_model_endpoint_that_refuses_ends_with_exit_3_and_no_file()
    {
        await using var stub = OpenAiStubServer.Start();
        using var directory = new TempDirectory();

        var run = await AnalyzeAsync(stub, directory.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("dbarch: ", run.LastErrorLine, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.TodoPath));
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_run_still_ends_in_a_valid_todo()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(StubReply.Error(429, retryAfter: "1"), StubReply.Text("no"), StubReply.Text("no"), StubReply.Text("no"));
        using var directory = new TempDirectory();

        var run = await AnalyzeAsync(stub, directory.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(4, stub.Requests.Count);
        Assert.True(stub.Requests[1].ReceivedAt - stub.Requests[0].ReceivedAt >= TimeSpan.FromSeconds(1));
        Assert.NotEmpty(TodoMarkdownParser.Parse(await File.ReadAllTextAsync(directory.TodoPath)).Items);
    }

    [Fact]
    public async Task A_burst_of_500s_ends_with_exit_3_and_writes_nothing()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue([.. Enumerable.Repeat(StubReply.Error(500), 8)]);
        using var directory = new TempDirectory();

        var run = await AnalyzeAsync(stub, directory.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("dbarch: ", run.LastErrorLine, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.TodoPath));
        Assert.InRange(stub.Requests.Count, 2, 8);
    }

    [Fact]
    public async Task An_html_page_instead_of_json_exits_3_with_one_line_and_leaves_the_existing_todo_byte_identical()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue([.. Enumerable.Repeat(StubReply.Html(), 4)]);
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.TodoPath, ExistingTodo.Markdown);
        var before = await File.ReadAllBytesAsync(directory.TodoPath);

        var run = await AnalyzeAsync(stub, directory.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"dbarch: The model at {stub.Endpoint.Authority} sent a response that is not valid chat-completions JSON.", run.LastErrorLine);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(directory.TodoPath));
        Assert.Single(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task A_response_cut_off_in_the_middle_of_its_json_exits_3_and_writes_no_file()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue([.. Enumerable.Repeat(StubReply.Truncated(), 4)]);
        using var directory = new TempDirectory();

        var run = await AnalyzeAsync(stub, directory.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"dbarch: The model at {stub.Endpoint.Authority} ", run.LastErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task A_model_slower_than_the_configured_attempt_timeout_exits_3_and_writes_no_file()
    {
        await using var stub = OpenAiStubServer.Start();
        // Valid answers, only too late: had the timeout not cut them off, the run would end in exit 0.
        stub.Enqueue([.. Enumerable.Repeat(StubReply.Text("too late") with { Delay = TimeSpan.FromSeconds(60) }, 4)]);
        using var directory = new TempDirectory();
        using var environment = new ProcessEnvironment(("DBARCH__Model__TimeoutSeconds", "1"), ("DBARCH__Model__MaxRetries", "1"));

        var run = await AnalyzeAsync(stub, directory.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"dbarch: The model at {stub.Endpoint.Authority} did not answer within 1 s (with 1 retries).", run.LastErrorLine);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }
}
