using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model.Recording;

/// <summary>
/// A model that answers each request with the recording's next turn. It sits under function
/// invocation (<c>new ChatClientBuilder(replay).UseFunctionInvocation().Build()</c>), so the
/// recorded tool calls run against the real tools and only the model's words are replayed.
/// Recordings without token counts get an estimate of four characters per token, so that runs
/// can still be compared by size.
/// </summary>
public sealed class ReplayChatClient(ModelRecording recording, string name) : IChatClient
{
    private const int CharactersPerToken = 4;

    private int _turnsUsed;

    /// <summary>The recording's name in messages, e.g. its path.</summary>
    public string Name { get; } = name;

    public int TurnsUsed => Volatile.Read(ref _turnsUsed);

    /// <summary>Turns the conversation ended without asking for.</summary>
    public int TurnsLeft => Math.Max(0, recording.Turns.Count - TurnsUsed);

    /// <exception cref="RecordingExhaustedException">The conversation asked for more turns than were recorded.</exception>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var number = Interlocked.Increment(ref _turnsUsed);
        if (number > recording.Turns.Count)
        {
            throw new RecordingExhaustedException(Name, recording.Turns.Count, number);
        }

        var turn = recording.Turns[number - 1];
        List<AIContent> contents = [];
        if (turn.AnswerText is { } text)
        {
            contents.Add(new TextContent(text));
        }

        contents.AddRange((turn.ToolCalls ?? []).Select((call, index) => new FunctionCallContent(
            string.Create(CultureInfo.InvariantCulture, $"replay-{number}-{index + 1}"),
            call.Name,
            call.Arguments?.ToDictionary(pair => pair.Key, pair => (object?)pair.Value))));
        var answer = new ChatMessage(ChatRole.Assistant, contents);
        return Task.FromResult(new ChatResponse(answer) { Usage = Usage(turn, messages, answer) });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Stream(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private async IAsyncEnumerable<ChatResponseUpdate> Stream(IEnumerable<ChatMessage> messages, ChatOptions? options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private static UsageDetails Usage(RecordedTurn turn, IEnumerable<ChatMessage> messages, ChatMessage answer)
    {
        var input = turn.Usage?.InputTokens ?? messages.Sum(Characters) / CharactersPerToken;
        var output = turn.Usage?.OutputTokens ?? Characters(answer) / CharactersPerToken;
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    private static long Characters(ChatMessage message) => message.Contents.Sum(content => content switch
    {
        TextContent text => (long)text.Text.Length,
        FunctionCallContent call => call.Name.Length + JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions).Length,
        FunctionResultContent result => JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions).Length,
        _ => 0L,
    });
}
