using System.Text.Json;
using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Agent.Model.Recording;
using DbArchitect.Agent.Tests.Architect;
using DbArchitect.Core.Todo;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Tests.Model.Recording;

[Collection(ArchitectDatabaseCollection.Name)]
public sealed class ReplayChatClientTests(ArchitectDatabaseFixture fixture)
{
    [Fact]
    public async Task Turns_are_answered_in_recorded_order_and_a_document_comes_back_as_its_json_text()
    {
        var replay = new ReplayChatClient(RecordingOf(
            new RecordedTurn { Text = "first" },
            new RecordedTurn { Document = JsonSerializer.SerializeToElement(new { plan = Array.Empty<object>() }) }), "two-turns");

        var first = await replay.GetResponseAsync([new ChatMessage(ChatRole.User, "go")]);
        var second = await replay.GetResponseAsync([new ChatMessage(ChatRole.User, "again")]);

        Assert.Equal("first", first.Text);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(second.Text).RootElement.GetProperty("plan").ValueKind);
        Assert.Equal((2, 0), (replay.TurnsUsed, replay.TurnsLeft));
        Assert.True(second.Usage?.OutputTokenCount > 0);
    }

    [Fact]
    public async Task Recorded_tool_calls_run_through_function_invocation_and_the_conversation_continues_after_them()
    {
        var calls = new List<string>();
        var tool = AIFunctionFactory.Create((string table) =>
        {
            calls.Add(table);
            return $"{table} has 3 columns";
        }, "describe_table");
        var replay = new ReplayChatClient(RecordingOf(
            new RecordedTurn { ToolCalls = [Call("describe_table", ("table", "public.orders")), Call("describe_table", ("table", "public.customers"))] },
            new RecordedTurn { Text = "done" }), "tools");

        var response = await new ChatClientBuilder(replay).UseFunctionInvocation().Build()
            .GetResponseAsync([new ChatMessage(ChatRole.User, "describe")], new ChatOptions { Tools = [tool] });

        Assert.Equal(["public.orders", "public.customers"], calls);
        Assert.Equal("done", response.Text);
        var results = response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        Assert.Equal(["replay-1-1", "replay-1-2"], results.Select(r => r.CallId));
    }

    [Fact]
    public async Task Running_out_of_turns_names_the_recording_and_the_turn_asked_for()
    {
        var replay = new ReplayChatClient(RecordingOf(new RecordedTurn { Text = "only" }), "scenarios/short/model.json");
        await replay.GetResponseAsync([new ChatMessage(ChatRole.User, "go")]);

        var error = await Assert.ThrowsAsync<RecordingExhaustedException>(() => replay.GetResponseAsync([new ChatMessage(ChatRole.User, "more")]));

        Assert.Equal("recording scenarios/short/model.json has 1 turns; the model was asked for turn 2", error.Message);
    }

    [Fact]
    public async Task Model_architect_replays_a_recording_against_the_real_tools()
    {
        var document = JsonDocument.Parse(TodoJson.Serialize(fixture.Input.Fallback)).RootElement.Clone();
        var replay = new ReplayChatClient(RecordingOf(
            new RecordedTurn { ToolCalls = [Call("list_findings"), Call("describe_table", ("table", "public.orders"))] },
            new RecordedTurn { ToolCalls = [Call("explain", ("statement", "W2"))] },
            new RecordedTurn { Document = document }), "shop");

        var result = await new ModelArchitect(new ChatClientBuilder(replay).UseFunctionInvocation().Build(), await PromptLibrary.LoadAsync(null, CancellationToken.None))
            .RunAsync(fixture.Input, CancellationToken.None);

        Assert.False(result.UsedFallback, string.Join(" | ", result.RepairErrors));
        Assert.Equal(1, result.Attempts);
        Assert.Equal(new Dictionary<string, int> { ["describe_table"] = 1, ["explain"] = 1, ["list_findings"] = 1 }, result.ToolCalls);
        Assert.Equal(3, result.TokenUsage.Calls);
        Assert.Equal(fixture.Input.Fallback.Items.Select(i => i.FindingKey), result.Document.Items.Select(i => i.FindingKey));
    }

    [Fact]
    public async Task Reading_a_recording_with_an_empty_turn_fails_with_the_turn_number()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, """{ "turns": [ { "text": "ok" }, { } ] }""");

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => ModelRecording.ReadAsync(path, CancellationToken.None));

            Assert.Contains("turn 2 has neither toolCalls, text nor document", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static ModelRecording RecordingOf(params RecordedTurn[] turns) => new() { Turns = turns };

    internal static RecordedToolCall Call(string name, params (string Name, object Value)[] arguments) =>
        new(name, arguments.ToDictionary(a => a.Name, a => JsonSerializer.SerializeToElement(a.Value)));
}
