using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model.Recording;

/// <summary>
/// One answer of the model: tool calls to make, or a final answer as plain text or, when the
/// answer was a JSON object (the TODO document), as that object, so the file stays readable.
/// </summary>
public sealed record RecordedTurn
{
    public IReadOnlyList<RecordedToolCall>? ToolCalls { get; init; }

    /// <summary>A final answer that is not a JSON object (prose, a fenced or broken document).</summary>
    public string? Text { get; init; }

    /// <summary>A final answer that is a JSON object; replayed as its JSON text.</summary>
    public JsonElement? Document { get; init; }

    /// <summary>Tokens as the provider reported them; null in hand-written recordings.</summary>
    public RecordedUsage? Usage { get; init; }

    internal bool IsEmpty => (ToolCalls is null || ToolCalls.Count == 0) && Text is null && Document is null;

    /// <summary>The answer's text as the model sent it: the document as JSON text, or the plain text.</summary>
    [JsonIgnore]
    public string? AnswerText => Document is { } document ? JsonSerializer.Serialize(document, ModelRecording.Json) : Text;

    /// <summary>What a model answered, ready to be written down.</summary>
    public static RecordedTurn From(ChatResponse response)
    {
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(call => new RecordedToolCall(call.Name, call.Arguments?.ToDictionary(pair => pair.Key, pair => JsonSerializer.SerializeToElement(pair.Value, AIJsonUtilities.DefaultOptions))))
            .ToList();
        var text = response.Text;
        var document = AsObject(text);
        return new RecordedTurn
        {
            ToolCalls = calls.Count > 0 ? calls : null,
            // An empty answer is kept as empty text, so the turn still counts on replay.
            Text = document is null && (text.Length > 0 || calls.Count == 0) ? text : null,
            Document = document,
            Usage = response.Usage is { } usage ? new RecordedUsage(usage.InputTokenCount, usage.OutputTokenCount) : null,
        };
    }

    private static JsonElement? AsObject(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var parsed = JsonDocument.Parse(text);
            return parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A function the model asked for, with its arguments as JSON.</summary>
public sealed record RecordedToolCall(string Name, IReadOnlyDictionary<string, JsonElement>? Arguments = null);

/// <summary>Token counts of one response, as reported.</summary>
public sealed record RecordedUsage(long? InputTokens, long? OutputTokens);
