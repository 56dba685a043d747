using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model.Pipeline;

/// <summary>The outermost layer: whatever failed on the way to the model leaves as one <see cref="DbArchitect.Core.Failures.DbArchitectException"/>.</summary>
internal sealed class FailureTranslatingChatClient(IChatClient inner, ModelOptions options) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, chatOptions, cancellationToken);
        }
        catch (Exception exception) when (ModelFailures.Translate(exception, options) is { } failure)
        {
            throw failure;
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default) =>
        StreamFailures.Observe(
            base.GetStreamingResponseAsync(messages, chatOptions, cancellationToken),
            exception => ModelFailures.Translate(exception, options),
            cancellationToken);
}
