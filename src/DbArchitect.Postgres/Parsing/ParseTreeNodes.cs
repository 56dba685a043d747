using System.Text.Json;

namespace DbArchitect.Postgres.Parsing;

/// <summary>Finds nodes in libpg_query's JSON parse tree, where a node is an object under its type's name: <c>{"ParamRef":{"number":1}}</c>.</summary>
public static class ParseTreeNodes
{
    /// <summary>Every node of type <paramref name="type"/> at or below <paramref name="element"/>, in no particular order.</summary>
    public static IEnumerable<JsonElement> OfType(JsonElement element, string type)
    {
        // A stack, not recursion: a long chain of a + b + … nests as deep as it is long.
        var pending = new Stack<JsonElement>();
        pending.Push(element);
        while (pending.TryPop(out var current))
        {
            if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                {
                    pending.Push(item);
                }
            }
            else if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in current.EnumerateObject())
                {
                    if (property.Name == type)
                    {
                        yield return property.Value;
                    }

                    pending.Push(property.Value);
                }
            }
        }
    }
}
