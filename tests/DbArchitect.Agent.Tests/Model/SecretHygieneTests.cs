using DbArchitect.Agent.Model;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Redaction;
using DbArchitect.Testing.OpenAiStub;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Tests.Model;

public sealed class SecretHygieneTests : IAsyncLifetime
{
    private const string Password = "hunter2-Pg-secret";
    private const string ConnectionString = $"Host=db.internal;Username=app;Password={Password};Database=shop";

    private OpenAiStubServer _stub = null!;

    public Task InitializeAsync()
    {
        _stub = OpenAiStubServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Neither_the_api_key_nor_a_database_password_reaches_the_logs_or_the_model()
    {
        var secrets = new SecretRedactor();
        secrets.AddConnectionString(ConnectionString);
        var logs = new CapturingLoggerFactory();
        _stub.Enqueue(StubReply.Error(503), StubReply.ToolCall("describe_connection", "{}"), StubReply.Text("done"), StubReply.Error(401));
        // A tool that slips: its result carries the connection string. The pipeline must still hold the line.
        var leakyTool = AIFunctionFactory.Create(() => $"connected with {ConnectionString}", "describe_connection", "Describes the connection.");
        using var model = StubModel.Connect(_stub, logs: logs, secrets: secrets);

        await model.Client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, $"My password is {Password}; why is orders slow?")],
            new ChatOptions { Tools = [leakyTool], Instructions = $"Never repeat {StubModel.ApiKey}." });
        var refused = await Assert.ThrowsAsync<DbArchitectException>(() => model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Again")]));

        Assert.Equal(4, _stub.Requests.Count);
        Assert.Contains(logs.Entries, entry => entry.Contains("retry 1"));
        Assert.All(logs.Entries, entry => AssertNoSecret(entry));
        Assert.All(_stub.Requests, request => AssertNoSecret(request.Body));
        Assert.Contains(SecretRedactor.Mask, _stub.Requests[2].Body);
        AssertNoSecret(refused.Message);
        Assert.Equal($"The model at 127.0.0.1:{_stub.Port} refused the API key (HTTP 401).", refused.Message);
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(StubModel.ApiKey, text);
        Assert.DoesNotContain(Password, text);
    }
}
