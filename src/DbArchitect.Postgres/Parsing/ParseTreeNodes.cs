using System.Text.Json;

namespace DbArchitect.Postgres.Parsing;

/// <summary>Finds nodes in libpg_query's JSON parse tree, where a node is an object under its type's name: <c>{"ParamRef":{"number":1}}</c>.</summary>
public static class ParseTreeNodes
{
    /// <summary>Whether a node's boolean field is set: libpg_query's JSON leaves false fields out.</summary>
    public static bool Flag(JsonElement node, string property) => node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The text of each <c>String</c> node of a name list (<c>[{"String":{"sval":"public"}}, …]</c>); "" for any other node.</summary>
    public static IReadOnlyList<string> Strings(JsonElement list) =>
        [.. list.EnumerateArray().Select(item => item.TryGetProperty("String", out var text) && text.TryGetProperty("sval", out var value) ? value.GetString() ?? "" : "")];

    /// <summary>Every node of type <paramref name="type"/> at or below <paramref name="element"/>, outer before inner, siblings in the tree's order.</summary>
    public static IEnumerable<JsonElement> OfType(JsonElement element, string type) => OfTypes(element, type).Select(found => found.Node);

    /// <summary>Every node of any of <paramref name="types"/> at or below <paramref name="element"/>, with its type, outer before inner, siblings in the tree's order.</summary>
    public static IEnumerable<(string Type, JsonElement Node)> OfTypes(JsonElement element, params string[] types)
    {
        // A stack, not recursion: a long chain of a + b + … nests as deep as it is long. Children
        // go on it last first, so that they come off it in order.
        var pending = new Stack<JsonElement>();
        pending.Push(element);
        var children = new List<JsonElement>();
        while (pending.TryPop(out var current))
        {
            children.Clear();
            if (current.ValueKind == JsonValueKind.Array)
            {
                children.AddRange(current.EnumerateArray());
            }
            else if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in current.EnumerateObject())
                {
                    if (Array.IndexOf(types, property.Name) >= 0)
                    {
                        yield return (property.Name, property.Value);
                    }

                    children.Add(property.Value);
                }
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }
}
