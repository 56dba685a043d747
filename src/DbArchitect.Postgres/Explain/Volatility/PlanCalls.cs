using System.Text.Json;
using DbArchitect.Postgres.Explain.Predicates;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Explain.Volatility;

/// <summary>
/// The functions an EXPLAIN VERBOSE plan calls: its expressions ("Output", "Filter", "Function
/// Call", …) are deparsed by the server after views and column defaults are expanded, so they show
/// calls the statement's text hides. Each string of the plan is read on the server's parser as an
/// expression (<see cref="PredicateParser.Calls"/>).
/// </summary>
internal static class PlanCalls
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
                // A string that is no expression is one of the plan's labels (a node type, a
                // name, "InitPlan 1 (returns $0)"), which calls nothing. Subplans inside an
                // expression ("(SubPlan 1)") are values: their own nodes print their calls.
                names.AddRange(PredicateParser.Calls(element.GetString() ?? "")?.Select(call => call.Name) ?? []);
                break;
        }
    }
}
