using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbArchitect.Core.Todo;

/// <summary>
/// The one JSON form of <see cref="TodoDocument"/> (what <c>--format json</c> prints and what
/// <c>schemas/todo-document.schema.json</c> describes): camelCase names, enums as camelCase
/// strings, null values omitted.
/// </summary>
public static class TodoJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(TodoDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Reads a document; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static TodoDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<TodoDocument>(json, Options)
        ?? throw new JsonException("The JSON text is null, not a TODO document.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
