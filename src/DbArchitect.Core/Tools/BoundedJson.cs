using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DbArchitect.Core.Tools;

/// <summary>
/// Serialises a tool result for the model within a size budget: long strings are cut and the
/// longest lists shortened until it fits, and then <c>"truncated": true</c> says so, so the model
/// knows to page or narrow its question rather than assume it saw everything.
/// </summary>
public static class BoundedJson
{
    /// <summary>About 2,000 tokens: enough for a page of tables or a plan, small next to the context window.</summary>
    public const int MaxBytes = 8 * 1024;

    private const int LongString = 600;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonElement Serialize<T>(T value)
    {
        var node = JsonSerializer.SerializeToNode(value, Options) ?? new JsonObject();
        if (Size(node) <= MaxBytes)
        {
            return ToElement(node);
        }

        // Marked first, so the marker's own bytes count against the budget.
        if (node is JsonObject root)
        {
            root["truncated"] = true;
        }

        CutStrings(node, LongString);
        while (Size(node) > MaxBytes && LongestList(node) is { Count: > 0 } list)
        {
            list.RemoveAt(list.Count - 1);
        }

        if (Size(node) > MaxBytes)
        {
            CutStrings(node, LongString / 6);
        }

        return ToElement(node);
    }

    private static int Size(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString(Options));

    private static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node, Options);

    private static void CutStrings(JsonNode node, int length)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > length)
                    {
                        obj[name] = text[..length] + "…";
                    }
                    else if (child is not null)
                    {
                        CutStrings(child, length);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > length)
                    {
                        array[i] = text[..length] + "…";
                    }
                    else if (array[i] is { } child)
                    {
                        CutStrings(child, length);
                    }
                }

                break;
        }
    }

    private static JsonArray? LongestList(JsonNode node) =>
        Lists(node).Where(list => list.Count > 0).MaxBy(list => list.ToJsonString(Options).Length);

    private static IEnumerable<JsonArray> Lists(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Lists).Prepend(array),
        JsonObject obj => obj.SelectMany(property => Lists(property.Value)),
        _ => [],
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
