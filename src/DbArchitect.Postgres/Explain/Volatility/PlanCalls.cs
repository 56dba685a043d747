using System.Text.Json;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Explain.Volatility;

/// <summary>
/// The functions an EXPLAIN VERBOSE plan calls: its expressions ("Output", "Filter", "Function
/// Call", …) are deparsed by the server after views and column defaults are expanded, so they show
/// calls the statement's text hides.
/// </summary>
internal static partial class PlanCalls
{
    public static IReadOnlyList<FunctionName> Read(string planJson)
    {
        using var plan = JsonDocument.Parse(planJson);
        var names = new List<FunctionName>();
        Walk(plan.RootElement, names);
        return names.Distinct().ToList();
    }

    private static void Walk(JsonElement element, List<FunctionName> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, names);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, names);
                }

                break;
            case JsonValueKind.String:
                foreach (Match call in Call().Matches(Literal().Replace(element.GetString() ?? "", "''")))
                {
                    var schema = call.Groups["schema"].Success ? Unquote(call.Groups["schema"].Value) : null;
                    names.Add(new FunctionName(schema, Unquote(call.Groups["name"].Value)));
                }

                break;
        }
    }

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    [GeneratedRegex("""(?:(?<schema>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\.)?(?<name>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\(""")]
    private static partial Regex Call();

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex Literal();
}
