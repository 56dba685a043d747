using System.Text.Json;
using DbArchitect.Agent.Model.Recording;
using DbArchitect.Agent.Model;
using DbArchitect.Core.Redaction;
using DbArchitect.Testing.OpenAiStub;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using static DbArchitect.Agent.Tests.Model.Recording.ReplayChatClientTests;

namespace DbArchitect.Agent.Tests.Model.Recording;

public sealed class RecordingChatClientTests
{
    [Fact]
    public async Task What_a_model_answered_under_function_invocation_is_written_down_and_replays_the_same_conversation()
    {
        // The "real" model here is itself a replay: what matters is what the recorder sees of it.
        var original = RecordingOf(
            new RecordedTurn { ToolCalls = [Call("describe_table", ("table", "public.orders"))], Usage = new RecordedUsage(120, 15) },
            new RecordedTurn { Text = "not a document yet" },
            new RecordedTurn { Document = JsonSerializer.SerializeToElement(new { items = new[] { new { id = "DB-ITEM-1.1" } } }) });
        var recorder = new RecordingChatClient(new ReplayChatClient(original, "original"), "recorded in a test");
        var path = Path.GetTempFileName();
        try
        {
            var first = await ConverseAsync(recorder);
            await recorder.SaveAsync(path, CancellationToken.None);
            var read = await ModelRecording.ReadAsync(path, CancellationToken.None);
            var replayed = await ConverseAsync(new ReplayChatClient(read, path));

            Assert.Equal("recorded in a test", read.Note);
            Assert.Equal(3, read.Turns.Count);
            Assert.Equal("describe_table", Assert.Single(read.Turns[0].ToolCalls!).Name);
            Assert.Equal("public.orders", read.Turns[0].ToolCalls![0].Arguments!["table"].GetString());
            Assert.Equal(new RecordedUsage(120, 15), read.Turns[0].Usage);
            Assert.Equal("not a document yet", read.Turns[1].Text);
            Assert.Equal("DB-ITEM-1.1", read.Turns[2].Document!.Value.GetProperty("items")[0].GetProperty("id").GetString());
            Assert.Equal(first, replayed);
            Assert.DoesNotContain("answerText", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Under_function_invocation_of_the_real_pipeline_each_tool_round_trip_is_one_turn()
    {
        await using var stub = OpenAiStubServer.Start();
        stub.Enqueue(
            StubReply.ToolCall("describe_table", """{"table":"public.orders"}""", callId: "call_1"),
            StubReply.Text("""{"plan":[]}""", inputTokens: 40, outputTokens: 5));
        RecordingChatClient? recorder = null;
        using var connection = new ChatClientFactory(NullLoggerFactory.Instance)
            .Create(StubModel.Options(stub.Endpoint), new SecretRedactor(), inner => recorder = new RecordingChatClient(inner))!;
        var tool = AIFunctionFactory.Create((string table) => $"{table}: 3 columns", "describe_table");

        await connection.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "plan")], new ChatOptions { Tools = [tool] });

        var turns = recorder!.Recording.Turns;
        Assert.Equal(2, turns.Count);
        Assert.Equal("public.orders", Assert.Single(turns[0].ToolCalls!).Arguments!["table"].GetString());
        Assert.Equal(JsonValueKind.Array, turns[1].Document!.Value.GetProperty("plan").ValueKind);
        Assert.Equal(new RecordedUsage(40, 5), turns[1].Usage);
    }

    /// <summary>Two requests, as the architect makes them: the first runs a tool and gets an answer, the second gets the next answer.</summary>
    private static async Task<IReadOnlyList<string>> ConverseAsync(IChatClient model)
    {
        var tool = AIFunctionFactory.Create((string table) => $"{table}: 3 columns", "describe_table");
        var client = new ChatClientBuilder(model).UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [tool] };
        var first = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "plan")], options);
        var second = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "repair")], options);
        var document = JsonDocument.Parse(second.Text).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        return [.. first.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? ""), first.Text, document];
    }
}
