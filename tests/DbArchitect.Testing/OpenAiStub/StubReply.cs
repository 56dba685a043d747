using System.Text.Json;

namespace DbArchitect.Testing.OpenAiStub;

/// <summary>One scripted answer of <see cref="OpenAiStubServer"/>, in the OpenAI chat-completions wire format.</summary>
public sealed record StubReply
{
    public const string ModelName = "stub-model";

    public int Status { get; init; } = 200;
    public string ContentType { get; init; } = "application/json";
    public string Body { get; init; } = "";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before answering (to make the client time out).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Break the connection in the middle of the body: a network fault.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Server-sent events written one at a time with a flush between, for streamed replies.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public static StubReply Text(string content, int inputTokens = 11, int outputTokens = 7) => Json(new
    {
        id = "chatcmpl-stub",
        @object = "chat.completion",
        created = 1_764_000_000,
        model = ModelName,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = Usage(inputTokens, outputTokens),
    });

    /// <summary>The model asks for one function call; <paramref name="argumentsJson"/> is the arguments object as JSON text.</summary>
    public static StubReply ToolCall(string function, string argumentsJson, string callId = "call_1") => Json(new
    {
        id = "chatcmpl-stub",
        @object = "chat.completion",
        created = 1_764_000_000,
        model = ModelName,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant",
                    content = (string?)null,
                    tool_calls = new[] { new { id = callId, type = "function", function = new { name = function, arguments = argumentsJson } } },
                },
                finish_reason = "tool_calls",
            },
        },
        usage = Usage(20, 5),
    });

    /// <summary>An error in OpenAI's error shape, optionally with a Retry-After header (seconds or HTTP date).</summary>
    public static StubReply Error(int status, string? retryAfter = null) => Json(new
    {
        error = new { message = $"stub error {status}", type = "server_error", code = (string?)null },
    }) with
    {
        Status = status,
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    /// <summary>A 200 whose body is not JSON at all.</summary>
    public static StubReply Malformed() => new() { Body = "{\"id\": \"chatcmpl-stub\", \"choices\": [ this is not json" };

    /// <summary>A 200 carrying an HTML page, as a captive portal or a misrouted proxy answers.</summary>
    public static StubReply Html() => new() { ContentType = "text/html", Body = "<html><body><h1>Welcome</h1>Please sign in.</body></html>" };

    /// <summary>A 200 whose JSON stops halfway, with the length it declares, as a proxy that cut the body short would send.</summary>
    public static StubReply Truncated()
    {
        var whole = Text("a complete answer").Body;
        return new() { Body = whole[..(whole.Length / 2)] };
    }

    /// <summary>A streamed answer: one chunk per piece, a finish chunk, a usage chunk, then <c>[DONE]</c>.</summary>
    public static StubReply StreamedText(params string[] pieces)
    {
        var chunks = pieces
            .Select((piece, index) => Chunk(new[] { new { index = 0, delta = (object)new { role = "assistant", content = piece }, finish_reason = (string?)null } }, null))
            .Append(Chunk(new[] { new { index = 0, delta = (object)new { }, finish_reason = (string?)"stop" } }, null))
            .Append(Chunk(Array.Empty<object>(), Usage(13, pieces.Length)))
            .Select(json => $"data: {json}\n\n")
            .Append("data: [DONE]\n\n");
        return new StubReply { ContentType = "text/event-stream", Events = [.. chunks] };
    }

    /// <summary>
    /// A streamed request for one function call: the call's id and name first, its arguments in a
    /// second chunk, then the <c>tool_calls</c> finish, as OpenAI streams them.
    /// </summary>
    public static StubReply StreamedToolCall(string function, string argumentsJson, string callId = "call_1")
    {
        object Delta(object toolCall) => new[] { new { index = 0, delta = (object)new { role = "assistant", tool_calls = new[] { toolCall } }, finish_reason = (string?)null } };
        var chunks = new[]
            {
                Chunk(Delta(new { index = 0, id = callId, type = "function", function = new { name = function, arguments = "" } }), null),
                Chunk(Delta(new { index = 0, function = new { arguments = argumentsJson } }), null),
                Chunk(new[] { new { index = 0, delta = (object)new { }, finish_reason = (string?)"tool_calls" } }, null),
                Chunk(Array.Empty<object>(), Usage(20, 5)),
            }
            .Select(json => $"data: {json}\n\n")
            .Append("data: [DONE]\n\n");
        return new StubReply { ContentType = "text/event-stream", Events = [.. chunks] };
    }

    private static string Chunk(object choices, object? usage) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-stub",
        @object = "chat.completion.chunk",
        created = 1_764_000_000,
        model = ModelName,
        choices,
        usage,
    });

    private static object Usage(int input, int output) =>
        new { prompt_tokens = input, completion_tokens = output, total_tokens = input + output };

    private static StubReply Json(object body) => new() { Body = JsonSerializer.Serialize(body) };
}
