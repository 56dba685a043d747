using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Failures;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DbArchitect.Agent.Model.Pipeline;

/// <summary>
/// Turns what can go wrong between us and the model into the one-line failure the console prints
/// (exit code 3). Messages name the endpoint's host and the HTTP status, never the key, the path
/// or the server's error text, which may echo the request.
/// </summary>
internal static class ModelFailures
{
    /// <returns>The failure to report, or null for exceptions that are not about reaching the model (cancellation, bugs).</returns>
    public static DbArchitectException? Translate(Exception exception, ModelOptions options)
    {
        var host = options.EndpointHost;
        var message = exception switch
        {
            OperationCanceledException => null,
            DbArchitectException => null,
            TimeoutRejectedException => $"The model at {host} did not answer within {Seconds(options.Resilience.AttemptTimeout)} s (with {options.Resilience.MaxRetries} retries).",
            BrokenCircuitException => $"The model at {host} keeps failing; calls to it are stopped for {Seconds(options.Resilience.BreakDuration)} s.",
            ClientResultException { Status: 0 } failure => Unreachable(host, failure.InnerException ?? failure),
            ClientResultException failure => Refused(host, options.Name, failure.Status),
            HttpRequestException failure => Unreachable(host, failure),
            JsonException or FormatException => $"The model at {host} sent a response that is not valid chat-completions JSON.",
            _ => null,
        };
        return message is null ? null : new DbArchitectException(FailureKind.Unreachable, message, exception);
    }

    private static string Refused(string host, string model, int status) => status switch
    {
        401 or 403 => $"The model at {host} refused the API key (HTTP {status}).",
        404 => $"The model at {host} has no model or deployment named '{model}' (HTTP 404).",
        429 => $"The model at {host} is still rate-limiting after the retries (HTTP 429).",
        >= 500 => $"The model at {host} failed with HTTP {status} after the retries.",
        _ => $"The model at {host} rejected the request (HTTP {status}).",
    };

    /// <summary>Connection-level messages ("Connection refused (127.0.0.1:8080)") carry no secrets and help.</summary>
    private static string Unreachable(string host, Exception failure) =>
        $"Cannot reach the model at {host}: {failure.GetBaseException().Message.ReplaceLineEndings(" ")}";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
