using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;

namespace DbArchitect.Postgres.Tests.Explain.Insights;

/// <summary>The insights that read a scan's filter, on filter text as EXPLAIN VERBOSE prints it at its most awkward.</summary>
public sealed class PlanTextTests
{
    private static IReadOnlyList<Finding> Insights(string filter)
    {
        var scan = new PlanNode { NodeType = "Seq Scan", RelationName = "customers", Schema = "shop", Alias = "c", Filter = filter };
        var result = new ExplainResult { Statement = "SELECT 1", Plan = scan, Analyzed = false, RawJson = "[]" };
        return PlanInsights.Evaluate(new PlanInsightContext { Result = result });
    }

    [Theory]
    [InlineData("(lower((c.email)::text) = 'x'::text)", "lower", "email")]
    [InlineData("((upper(c.\"Full Name\") = $1) AND (c.id > 10))", "upper", "\"Full Name\"")]
    [InlineData("(md5(lower(c.email)) = 'abc'::text)", "lower", "email")]
    [InlineData("((c.id = (SubPlan 1)) OR (date(c.created_at) = '2025-01-01'::date))", "date", "created_at")]
    public void A_function_of_a_column_is_read_through_casts_nesting_quotes_and_subplans(string filter, string function, string column)
    {
        var finding = Assert.Single(Insights(filter), f => f.RuleId == NonSargablePredicateInsight.InsightId);

        Assert.Contains($"(({function}({column})))", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.StartsWith($"Filter applies {function}() to {column} on ", finding.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(lower('A'::text) = (c.email)::text)")]
    [InlineData("(date_trunc('day'::text, c.created_at) = $1)")]
    [InlineData("(c.note = 'lower(email) = x'::text)")]
    [InlineData("(NOT (hashed SubPlan 2))")]
    public void Functions_of_constants_of_two_arguments_or_inside_a_literal_are_not_reported(string filter)
    {
        Assert.DoesNotContain(Insights(filter), f => f.RuleId == NonSargablePredicateInsight.InsightId);
    }

    [Theory]
    [InlineData("((c.name)::text ~~ '%abc'::text)", "name")]
    [InlineData("((c.\"Display Name\")::text ~~* '%Abc%'::text)", "Display Name")]
    [InlineData("((c.id = (SubPlan 1)) AND (c.note ~~ '%x'::text))", "note")]
    public void A_leading_wildcard_pattern_is_read_through_casts_quotes_and_subplans(string filter, string column)
    {
        var finding = Assert.Single(Insights(filter), f => f.RuleId == LeadingWildcardLikeInsight.InsightId);

        Assert.EndsWith($".{column} forces a sequential scan", finding.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("((c.name)::text ~~ 'abc%'::text)")]
    [InlineData("((c.name)::text ~~ $1)")]
    [InlineData("((c.name)::text !~~ '%abc'::text)")]
    [InlineData("(c.note = '%x ~~ ''%y'''::text)")]
    public void Anchored_parameter_negated_or_quoted_patterns_are_not_leading_wildcards(string filter)
    {
        Assert.DoesNotContain(Insights(filter), f => f.RuleId == LeadingWildcardLikeInsight.InsightId);
    }

    [Fact]
    public void Predicate_columns_are_read_through_casts_flips_and_any_with_equality_first()
    {
        var columns = PredicateColumns.Extract("""((($1)::date <= c.created_at) AND ((c."Kind Of")::text = ANY ('{a,b}'::text[])) AND (c.deleted_at IS NULL) AND (c.id = (SubPlan 1)))""");

        Assert.Equal(
            [new PredicateColumns.Column("Kind Of", true), new PredicateColumns.Column("deleted_at", true), new PredicateColumns.Column("id", true), new PredicateColumns.Column("created_at", false)],
            columns);
    }

    [Fact]
    public void Predicate_columns_leave_out_patterns_functions_and_text_that_is_no_sql()
    {
        Assert.Empty(PredicateColumns.Extract("((c.name)::text ~~ 'a%'::text)"));
        Assert.Empty(PredicateColumns.Extract("(lower(c.email) = 'x'::text)"));
        Assert.Empty(PredicateColumns.Extract("(alternatives: SubPlan 1 or hashed SubPlan 2"));
    }
}
