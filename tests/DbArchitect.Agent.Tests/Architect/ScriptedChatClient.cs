using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Tests.Architect;

/// <summary>
/// A model that answers from a script, one step per request, and remembers every request it
/// received (messages as sent, copied). A step may call tools: wrapped in
/// <c>UseFunctionInvocation</c>, the real FunctionInvokingChatClient runs them and comes back
/// with the results as the next request.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>>> _steps = new();
    private readonly List<IReadOnlyList<ChatMessage>> _requests = [];

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Requests => _requests;

    /// <summary>The scripted client under the function-invocation layer, as the product's pipeline has it.</summary>
    public IChatClient WithFunctionInvocation() => new ChatClientBuilder(this).UseFunctionInvocation().Build();

    public ScriptedChatClient Answer(string text) =>
        Then((_, _) => Task.FromResult(Response(new TextContent(text))));

    public ScriptedChatClient Answer(Func<IReadOnlyList<ChatMessage>, string> text) =>
        Then((messages, _) => Task.FromResult(Response(new TextContent(text(messages)))));

    public ScriptedChatClient CallTool(string callId, string tool, Dictionary<string, object?> arguments) =>
        Then((_, _) => Task.FromResult(Response(new FunctionCallContent(callId, tool, arguments))));

    public ScriptedChatClient Then(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var received = messages.Select(message => message.Clone()).ToList();
        _requests.Add(received);
        var step = _steps.Count > 0 ? _steps.Dequeue() : throw new InvalidOperationException($"the script has no step for request {_requests.Count}");
        return await step(received, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the architect asks for whole responses");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static ChatResponse Response(AIContent content) =>
        new(new ChatMessage(ChatRole.Assistant, [content])) { Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20, TotalTokenCount = 120 } };
}
