using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace DbArchitect.Agent.Model.Pipeline;

/// <summary>
/// Logs each model call by its shape only: host, model, counts, duration, finish reason, tokens.
/// Never message text, tool arguments, headers or exception messages, so no secret and no
/// customer value can reach a log through this layer.
/// </summary>
internal sealed partial class CallLoggingChatClient(IChatClient inner, ILogger logger, ModelOptions options) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        LogStarting(logger, options.EndpointHost, options.Name, list.Count, chatOptions?.Tools?.Count ?? 0, streamed: false);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(list, chatOptions, cancellationToken);
            LogFinished(logger, options.EndpointHost, Elapsed(started), response.FinishReason?.Value ?? "none",
                response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, options.EndpointHost, Elapsed(started), exception.GetType().Name);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        LogStarting(logger, options.EndpointHost, options.Name, list.Count, chatOptions?.Tools?.Count ?? 0, streamed: true);
        var started = Stopwatch.GetTimestamp();
        string finishReason = "none";
        var stream = StreamFailures.Observe(
            base.GetStreamingResponseAsync(list, chatOptions, cancellationToken),
            exception =>
            {
                if (exception is not OperationCanceledException)
                {
                    LogFailed(logger, options.EndpointHost, Elapsed(started), exception.GetType().Name);
                }

                return null;
            },
            cancellationToken);
        await foreach (var update in stream)
        {
            finishReason = update.FinishReason?.Value ?? finishReason;
            yield return update;
        }

        LogFinished(logger, options.EndpointHost, Elapsed(started), finishReason, 0, 0);
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model call to {Host} ({Model}): {MessageCount} messages, {ToolCount} tools, streamed {Streamed}")]
    private static partial void LogStarting(ILogger logger, string host, string model, int messageCount, int toolCount, bool streamed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model call to {Host} finished in {ElapsedMs} ms: {FinishReason}, {InputTokens} tokens in, {OutputTokens} out")]
    private static partial void LogFinished(ILogger logger, string host, long elapsedMs, string finishReason, long inputTokens, long outputTokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call to {Host} failed after {ElapsedMs} ms: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string host, long elapsedMs, string errorType);
}
