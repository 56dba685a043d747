using System.Net.Http.Headers;
using Polly;

namespace DbArchitect.Agent.Model.Resilience;

/// <summary>
/// Runs each request to the model through the resilience pipeline below the OpenAI client, where
/// status codes and Retry-After headers are still visible. Each attempt sends a fresh copy of the
/// request, and a non-streamed body is read inside the attempt so its timeout covers the body too.
/// </summary>
internal sealed class ResilientHttpHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return await pipeline.ExecuteAsync(
            async token =>
            {
                var response = await base.SendAsync(Copy(request, body), token);
                try
                {
                    if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
                    {
                        await response.Content.LoadIntoBufferAsync(token);
                    }

                    return response;
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            },
            cancellationToken);
    }

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
