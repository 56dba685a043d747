using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Constants;

namespace DbArchitect.Postgres.Tests.Explain.Constants;

public sealed class PlaceholderComparisonsTests
{
    private static IReadOnlyDictionary<int, PlaceholderComparison> Find(string filter) =>
        PlaceholderComparisons.Find(new PlanNode { NodeType = "Seq Scan", RelationName = "orders", Schema = "shop", Alias = "o", Filter = filter });

    [Theory]
    [InlineData("(o.status = $1)", "status", ComparisonOperator.Equal)]
    [InlineData("((o.status)::text = $1)", "status", ComparisonOperator.Equal)]
    [InlineData("(o.email ~~ $1)", "email", ComparisonOperator.Like)]
    [InlineData("((o.email)::text ~~* $1)", "email", ComparisonOperator.ILike)]
    [InlineData("($1 < o.created_at)", "created_at", ComparisonOperator.Greater)]
    [InlineData("(o.created_at <= ($1)::timestamp with time zone)", "created_at", ComparisonOperator.LessOrEqual)]
    [InlineData("(o.id = ANY ($1))", "id", ComparisonOperator.EqualAny)]
    [InlineData("(o.\"Weird \"\"Name\" >= $1)", "Weird \"Name", ComparisonOperator.GreaterOrEqual)]
    [InlineData("((\"Created At\")::date >= (($1)::text)::date)", "Created At", ComparisonOperator.GreaterOrEqual)]
    [InlineData("(o.id = ANY (($1)::integer[]))", "id", ComparisonOperator.EqualAny)]
    [InlineData("((o.id = (SubPlan 1)) AND ((o.status)::text = ($1)::text))", "status", ComparisonOperator.Equal)]
    [InlineData("((o.kind = ANY ('{a,b}'::text[])) AND (o.note ~~* $1))", "note", ComparisonOperator.ILike)]
    public void Placeholder_compared_with_a_column_is_mapped_to_its_table_column_and_operator(string filter, string column, ComparisonOperator op)
    {
        var comparison = Assert.Single(Find(filter)).Value;

        Assert.Equal(new PlaceholderComparison(1, "shop", "orders", column, op), comparison);
    }

    [Fact]
    public void Each_placeholder_of_an_IN_list_is_an_equality()
    {
        var found = Find("((o.status = ANY (ARRAY[$1, $2])) AND (o.total > $3) AND ((o.kind)::text = ANY (ARRAY[($4)::text, ($5)::text])))");

        Assert.Equal(ComparisonOperator.Equal, found[1].Operator);
        Assert.Equal(ComparisonOperator.Equal, found[2].Operator);
        Assert.Equal(("total", ComparisonOperator.Greater), (found[3].Column, found[3].Operator));
        Assert.Equal([("kind", ComparisonOperator.Equal), ("kind", ComparisonOperator.Equal)], [(found[4].Column, found[4].Operator), (found[5].Column, found[5].Operator)]);
    }

    [Theory]
    [InlineData("(o.email ~~ (('%'::text || $1) || '%'::text))")]
    [InlineData("(lower(o.email) = $1)")]
    [InlineData("(c.id = $1)")]
    [InlineData("(o.status <> $1)")]
    [InlineData("(o.email !~~ $1)")]
    [InlineData("(o.note = 'o.id = $1'::text)")]
    [InlineData("(o.id = (SubPlan 1))")]
    [InlineData("(o.tags = ARRAY[$1, $2])")]
    public void Placeholder_inside_an_expression_or_against_another_relation_is_not_mapped(string filter) =>
        Assert.Empty(Find(filter));
}
