using System.Globalization;

namespace DbArchitect.Agent.Model.Resilience;

/// <summary>
/// How long a server asked us to wait: <c>retry-after-ms</c> (sent by OpenAI and Azure), or the
/// standard <c>Retry-After</c> as seconds or as an HTTP date.
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => Max(delta, TimeSpan.Zero),
            { Date: { } date } => Max(date - now, TimeSpan.Zero),
            _ => null,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
