using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbArchitect.Agent.Model.Recording;

/// <summary>
/// A model's side of one conversation, turn by turn, as a readable JSON file: what the model
/// answered to each request it received (tool calls, or a final answer). Replayed through
/// <see cref="ReplayChatClient"/> the tools run again for real; only the model is recorded.
/// </summary>
public sealed record ModelRecording
{
    public static JsonSerializerOptions Json { get; } = CreateOptions();

    /// <summary>Where the recording came from, for readers of the file (hand-written, or the endpoint and model it was recorded from).</summary>
    public string? Note { get; init; }

    public IReadOnlyList<RecordedTurn> Turns { get; init; } = [];

    /// <exception cref="InvalidDataException">The file is not a recording, or one of its turns says nothing.</exception>
    public static async Task<ModelRecording> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ModelRecording? recording;
        try
        {
            await using var stream = File.OpenRead(path);
            recording = await JsonSerializer.DeserializeAsync<ModelRecording>(stream, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a model recording: {e.Message}", e);
        }

        if (recording is null)
        {
            throw new InvalidDataException($"{path} is empty");
        }

        var empty = recording.Turns.Select((turn, index) => (turn, index)).FirstOrDefault(pair => pair.turn.IsEmpty);
        return empty.turn is null ? recording
            : throw new InvalidDataException($"{path}: turn {empty.index + 1} has neither toolCalls, text nor document");
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken).ConfigureAwait(false);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
