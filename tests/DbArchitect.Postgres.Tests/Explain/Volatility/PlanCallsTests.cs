using System.Text.Json;
using DbArchitect.Postgres.Explain.Volatility;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Tests.Explain.Volatility;

public sealed class PlanCallsTests
{
    private static IReadOnlyList<FunctionName> Calls(string key, string text) =>
        PlanCalls.Read(JsonSerializer.Serialize(new[] { new Dictionary<string, object> { ["Plan"] = new Dictionary<string, object> { ["Node Type"] = "Seq Scan", [key] = text } } }));

    [Theory]
    [InlineData("Filter", "(lower((email)::text) = 'x'::text)", "lower")]
    [InlineData("Filter", "(public.audited() = (SubPlan 1))", "public.audited")]
    [InlineData("Filter", "(NOT (hashed SubPlan 2) AND (abs(o.total) > $1))", "abs")]
    [InlineData("Output", "sum(audited()) OVER (?)", "sum audited")]
    [InlineData("Output", "\"Odd Name\"(\"Order Lines\".\"Unit Price\")", "Odd Name")]
    [InlineData("Sort Key", "lower(o.note) DESC NULLS LAST", "lower")]
    [InlineData("Filter", "(o.kind = ANY ('{a,b}'::text[]))", "")]
    public void Calls_in_plan_expressions_are_read_on_the_servers_parser(string key, string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Calls(key, text)));
    }

    [Theory]
    [InlineData("Filter", "(o.note = 'not_a_call() here'::text)")]
    [InlineData("Output", "(o.price)::numeric(10,2)")]
    [InlineData("Subplan Name", "InitPlan 1 (returns $0)")]
    [InlineData("Filter", "(SubPlan 1)")]
    public void Literals_types_and_the_plans_labels_call_nothing(string key, string text)
    {
        Assert.Empty(Calls(key, text));
    }
}
