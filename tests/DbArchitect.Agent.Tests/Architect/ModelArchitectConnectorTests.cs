using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Agent.Model;
using DbArchitect.Agent.Tests.Model;
using DbArchitect.Core.Redaction;
using DbArchitect.Core.Todo;
using DbArchitect.Testing.OpenAiStub;

namespace DbArchitect.Agent.Tests.Architect;

/// <summary>The architect through the real OpenAI connector and pipeline, against the local stub.</summary>
[Collection(ArchitectDatabaseCollection.Name)]
public sealed class ModelArchitectConnectorTests(ArchitectDatabaseFixture fixture)
{
    [Fact]
    public async Task Tool_call_round_trip_through_the_openai_connector_ends_in_the_models_document()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(
            StubReply.ToolCall("explain", """{"statement":"W1"}"""),
            StubReply.Text(TodoJson.Serialize(fixture.Input.Fallback)));
        var secrets = new SecretRedactor();
        using var connection = StubModel.Connect(stub, secrets: secrets);
        var prompts = await PromptLibrary.LoadAsync(null, CancellationToken.None);

        var result = await new ModelArchitect(connection.Client, prompts, new ArchitectOptions { Secrets = secrets }).RunAsync(fixture.Input, CancellationToken.None);

        Assert.False(result.UsedFallback, string.Join(" | ", result.RepairErrors));
        Assert.Equal(1, result.ToolCalls["explain"]);
        Assert.Equal(2, stub.Requests.Count);
        var first = stub.Requests[0];
        Assert.Contains("cost_index", first.ToolNames);
        Assert.Equal("json_schema", first.Json.GetProperty("response_format").GetProperty("type").GetString());
        var toolMessage = stub.Requests[1].Messages.Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Contains("totalCost", toolMessage.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.All(stub.Requests, request =>
        {
            Assert.DoesNotContain(StubModel.ApiKey, request.Body, StringComparison.Ordinal);
            Assert.All(ArchitectDatabaseFixture.Literals, literal => Assert.DoesNotContain(literal, request.Body, StringComparison.Ordinal));
        });
    }
}
