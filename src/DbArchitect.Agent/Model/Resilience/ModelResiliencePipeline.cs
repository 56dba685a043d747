using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace DbArchitect.Agent.Model.Resilience;

/// <summary>
/// The Polly pipeline around every HTTP attempt to the model: retry (outermost, honouring
/// Retry-After), then the circuit breaker, then the per-attempt timeout. The breaker sits inside
/// the retry so that once it opens, the remaining retries fail at once instead of waiting.
/// </summary>
internal static partial class ModelResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(ModelOptions options, ILogger logger, TimeProvider timeProvider)
    {
        var settings = options.Resilience;
        var host = options.EndpointHost;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = arguments => ValueTask.FromResult(TransientFailure.IsRetryable(arguments.Outcome)),
                DelayGenerator = arguments => ValueTask.FromResult(
                    RetryAfter.Read(arguments.Outcome.Result, timeProvider.GetUtcNow()) is { } asked
                        ? (TimeSpan?)(asked < settings.MaxDelay ? asked : settings.MaxDelay)
                        : null),
                OnRetry = arguments =>
                {
                    LogRetry(logger, host, arguments.AttemptNumber + 1, (long)arguments.RetryDelay.TotalMilliseconds, Describe(arguments.Outcome));
                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = arguments => ValueTask.FromResult(TransientFailure.IsEndpointFailure(arguments.Outcome)),
                OnOpened = arguments =>
                {
                    LogBreakerOpened(logger, host, (long)arguments.BreakDuration.TotalSeconds, Describe(arguments.Outcome));
                    return default;
                },
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <summary>Status code or exception type only: response bodies and exception messages may echo request details.</summary>
    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "unknown";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call to {Host} failed ({Reason}); retry {Retry} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string host, int retry, long delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model endpoint {Host} keeps failing ({Reason}); calls are stopped for {BreakSeconds} s")]
    private static partial void LogBreakerOpened(ILogger logger, string host, long breakSeconds, string reason);
}
