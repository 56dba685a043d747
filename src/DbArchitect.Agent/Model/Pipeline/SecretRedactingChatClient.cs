using System.Text.Json;
using DbArchitect.Core.Redaction;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model.Pipeline;

/// <summary>
/// The innermost layer before the wire: masks the run's secrets out of instructions, message
/// text and tool results. Messages are copied, never changed, so the caller's history stays as it was.
/// </summary>
internal sealed class SecretRedactingChatClient(IChatClient inner, SecretRedactor redactor) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Redact(messages), Redact(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Redact(messages), Redact(options), cancellationToken);

    private List<ChatMessage> Redact(IEnumerable<ChatMessage> messages) => [.. messages.Select(Redact)];

    private ChatMessage Redact(ChatMessage message)
    {
        var contents = message.Contents.Select(Redact).ToList();
        if (contents.SequenceEqual(message.Contents, ReferenceEqualityComparer.Instance))
        {
            return message;
        }

        var copy = message.Clone();
        copy.Contents = contents;
        return copy;
    }

    private AIContent Redact(AIContent content) => content switch
    {
        TextContent text when redactor.AppearsIn(text.Text) => new TextContent(redactor.Redact(text.Text)),
        FunctionResultContent result when AsText(result.Result) is { } serialized && redactor.AppearsIn(serialized) =>
            new FunctionResultContent(result.CallId, redactor.Redact(serialized)),
        _ => content,
    };

    private ChatOptions? Redact(ChatOptions? options)
    {
        if (options?.Instructions is not { } instructions || !redactor.AppearsIn(instructions))
        {
            return options;
        }

        var copy = options.Clone();
        copy.Instructions = redactor.Redact(instructions);
        return copy;
    }

    private static string? AsText(object? result) => result switch
    {
        null => null,
        string text => text,
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
