namespace DbArchitect.Agent.Model;

/// <summary>
/// How hard a model call tries before the run gives up with exit code 3. The defaults suit a hosted
/// model writing a whole plan; tests shrink them to milliseconds.
/// </summary>
public sealed record ModelResilienceOptions
{
    /// <summary>Longest wait for one HTTP attempt (headers and, unless streamed, the body). Default 180 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Retries after the first attempt on 408, 429, 5xx, timeouts and network faults. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; later ones grow exponentially with jitter. Default 2 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap on any retry delay, including one a Retry-After header asks for. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed attempts in <see cref="BreakerSamplingDuration"/> that opens the breaker. Default 0.5.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the breaker may open. Default 4.</summary>
    public int BreakerMinimumThroughput { get; init; } = 4;

    /// <summary>The window over which failures are counted. Default 60 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open breaker fails calls at once before trying again. Default 30 s.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
