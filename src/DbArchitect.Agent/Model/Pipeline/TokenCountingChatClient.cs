using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model.Pipeline;

/// <summary>Feeds the usage of every model response, tool round trips included, into the run's tally.</summary>
internal sealed class TokenCountingChatClient(IChatClient inner, TokenUsageTally tally) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        tally.Add(response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                (usage ??= new UsageDetails()).Add(content.Details);
            }

            yield return update;
        }

        tally.Add(usage);
    }
}
