using System.Net;
using Polly;
using Polly.Timeout;

namespace DbArchitect.Agent.Model.Resilience;

/// <summary>Which outcomes of one HTTP attempt are worth another try, and which count against the endpoint's health.</summary>
internal static class TransientFailure
{
    /// <summary>Rate limits, server faults, timeouts and broken connections: another attempt may well succeed.</summary>
    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } => IsNetworkFault(exception),
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests || IsServerFault(response.StatusCode),
        _ => false,
    };

    /// <summary>
    /// Failures that say the endpoint is unwell. A 429 is left out: the server is healthy and told
    /// us when to come back, which the retry honours.
    /// </summary>
    public static bool IsEndpointFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } => IsNetworkFault(exception),
        { Result: { } response } => IsServerFault(response.StatusCode),
        _ => false,
    };

    private static bool IsServerFault(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static bool IsNetworkFault(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or IOException;
}
