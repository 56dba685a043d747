using DbArchitect.Core.Todo.Markdown;
using DbArchitect.Testing.OpenAiStub;

namespace DbArchitect.Cli.Tests;

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
}
