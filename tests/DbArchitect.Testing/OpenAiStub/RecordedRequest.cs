using System.Text.Json;

namespace DbArchitect.Testing.OpenAiStub;

/// <summary>A request as <see cref="OpenAiStubServer"/> received it, for assertions on what the client sent.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Absolute path, e.g. <c>/v1/chat/completions</c>.</param>
/// <param name="Headers">Request headers, case-insensitive names.</param>
/// <param name="Body">The raw body.</param>
/// <param name="ReceivedAt">Time since the stub started, on a monotonic clock.</param>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Model => Json.TryGetProperty("model", out var model) ? model.GetString() : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public IReadOnlyList<JsonElement> Messages => Json.TryGetProperty("messages", out var messages) ? [.. messages.EnumerateArray()] : [];

    public IReadOnlyList<string> ToolNames => Json.TryGetProperty("tools", out var tools)
        ? [.. tools.EnumerateArray().Select(tool => tool.GetProperty("function").GetProperty("name").GetString() ?? "")]
        : [];
}
