using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model.Recording;

/// <summary>
/// Writes down what a real model answers, in the format <see cref="ReplayChatClient"/> replays.
/// Put it directly over the provider's client, under function invocation, so that each tool
/// round trip is one recorded turn and tool results (which the replay recomputes) stay out.
/// </summary>
public sealed class RecordingChatClient(IChatClient inner, string? note = null) : DelegatingChatClient(inner)
{
    private readonly List<RecordedTurn> _turns = [];

    /// <summary>What was answered so far.</summary>
    public ModelRecording Recording
    {
        get
        {
            lock (_turns)
            {
                return new ModelRecording { Note = note, Turns = [.. _turns] };
            }
        }
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Record(response);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        Record(updates.ToChatResponse());
    }

    public Task SaveAsync(string path, CancellationToken cancellationToken) => Recording.WriteAsync(path, cancellationToken);

    private void Record(ChatResponse response)
    {
        var turn = RecordedTurn.From(response);
        lock (_turns)
        {
            _turns.Add(turn);
        }
    }
}
