using System.Net;
using System.Net.Http.Headers;
using DbArchitect.Agent.Model.Resilience;

namespace DbArchitect.Agent.Tests.Model;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seconds_are_read_as_a_delay()
    {
        using var response = TooMany(headers => headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Read(response, Now));
    }

    [Fact]
    public void An_http_date_is_read_as_the_time_left_until_then()
    {
        using var response = TooMany(headers => headers.TryAddWithoutValidation("Retry-After", "Wed, 25 Nov 2026 14:00:12 GMT"));

        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.Read(response, Now));
    }

    [Fact]
    public void A_date_in_the_past_means_no_wait()
    {
        using var response = TooMany(headers => headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(-1)));

        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(response, Now));
    }

    [Fact]
    public void Milliseconds_from_openai_take_precedence()
    {
        using var response = TooMany(headers =>
        {
            headers.TryAddWithoutValidation("retry-after-ms", "1500");
            headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        });

        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfter.Read(response, Now));
    }

    [Fact]
    public void Without_a_header_the_backoff_decides()
    {
        using var response = TooMany(_ => { });

        Assert.Null(RetryAfter.Read(response, Now));
        Assert.Null(RetryAfter.Read(null, Now));
    }

    private static HttpResponseMessage TooMany(Action<HttpResponseHeaders> configure)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        configure(response.Headers);
        return response;
    }
}
