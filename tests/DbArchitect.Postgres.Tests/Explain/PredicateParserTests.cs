using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Tests.Explain;

public sealed class PredicateParserTests
{
    [Fact]
    public void Comparisons_come_with_alias_operator_and_other_side()
    {
        var parsed = PredicateParser.Parse("((o.status = 'paid'::text) AND (o.created_at >= $1) AND ((c.email)::text ~~ '%x%'::text))");

        Assert.Collection(parsed,
            c => Assert.Equal((new ColumnRef("o", "status"), "=", "paid"), (c.Column, c.Operator, c.ConstantValue)),
            c => Assert.Equal((new ColumnRef("o", "created_at"), ">=", "$1", false), (c.Column, c.Operator, c.Other, c.IsConstant)),
            c => Assert.True(c.Column == new ColumnRef("c", "email") && c.IsLeadingWildcard));
    }

    [Fact]
    public void A_constant_on_the_left_is_flipped_so_the_column_leads()
    {
        var parsed = Assert.Single(PredicateParser.Parse("(100 < total)"));

        Assert.Equal((new ColumnRef(null, "total"), ">"), (parsed.Column, parsed.Operator));
    }

    [Fact]
    public void Join_conditions_name_both_columns_and_booleans_are_not_columns()
    {
        var join = Assert.Single(PredicateParser.Parse("(oi.order_id = o.id)"));
        var flag = Assert.Single(PredicateParser.Parse("(a.active = true)"));

        Assert.Equal(new ColumnRef("o", "id"), join.OtherColumn);
        Assert.Null(flag.OtherColumn);
        Assert.True(flag.IsConstant);
    }

    [Fact]
    public void Function_calls_and_is_not_null_give_no_index_column()
    {
        Assert.Empty(PredicateParser.Parse("(lower(c.email) = 'x'::text)"));
        Assert.Empty(PredicateParser.Parse("(c.deleted_at IS NOT NULL)"));
        Assert.Single(PredicateParser.Parse("(c.deleted_at IS NULL)"));
    }

    [Fact]
    public void A_range_bounded_by_an_expression_of_parameters_is_still_a_range_on_the_column()
    {
        var parsed = PredicateParser.Parse("((events.created_at >= ('2025-06-01 00:00:00+00'::timestamp with time zone + (($1)::double precision * '1 day'::interval))) AND (events.created_at < ('2025-06-02 00:00:00+00'::timestamp with time zone + (($1)::double precision * '1 day'::interval))))");

        Assert.Equal([">=", "<"], parsed.Select(c => c.Operator));
        Assert.All(parsed, c => Assert.Equal(new ColumnRef("events", "created_at"), c.Column));
    }

    [Fact]
    public void Strings_with_parentheses_and_and_quoted_names_are_read_as_the_server_reads_them()
    {
        var parsed = PredicateParser.Parse("""(("Order Lines".note = 'a) AND (b = 1'::text) OR ("Order Lines"."Kind" = ANY ('{x,y}'::text[])))""");

        Assert.Collection(parsed,
            c => Assert.Equal((new ColumnRef("Order Lines", "note"), "=", "a) AND (b = 1"), (c.Column, c.Operator, c.ConstantValue)),
            c => Assert.Equal((new ColumnRef("Order Lines", "Kind"), "= ANY"), (c.Column, c.Operator)));
    }

    [Fact]
    public void A_subplan_is_a_value_known_at_run_time_and_a_qualified_operator_is_its_name()
    {
        var parsed = PredicateParser.Parse("((o.customer_id = (SubPlan 1)) AND (o.total OPERATOR(pg_catalog.>) 10) AND (NOT (hashed SubPlan 2)))");

        Assert.Collection(parsed,
            c => Assert.Equal((new ColumnRef("o", "customer_id"), "=", false), (c.Column, c.Operator, c.IsConstant)),
            c => Assert.Equal((new ColumnRef("o", "total"), ">", "10"), (c.Column, c.Operator, c.ConstantValue)));
    }

    [Fact]
    public void Arithmetic_is_no_comparison_and_text_the_server_cannot_read_gives_none()
    {
        Assert.Equal(["<"], PredicateParser.Parse("((o.total + 1) < (o.limit_total * 2))").Select(c => c.Operator).Concat(PredicateParser.Parse("(o.a < (o.b + 1))").Select(c => c.Operator)).Distinct());
        Assert.Empty(PredicateParser.Parse("(o.a = 'unterminated)"));
        Assert.Equal(new ColumnRef("o", "status"), PredicateParser.Column("(o.status)::text"));
        Assert.Null(PredicateParser.Column("true"));
        Assert.Null(PredicateParser.Column("lower(o.email)"));
    }

    [Fact]
    public void An_expression_over_one_table_compared_with_a_value_is_read_as_an_index_key_without_aliases()
    {
        var json = Assert.Single(PredicateParser.ParseExpressions("((e.payload ->> 'session'::text) = $1)"));
        var call = Assert.Single(PredicateParser.ParseExpressions("('x'::text = lower(c.email))"));

        Assert.Equal(("((payload ->> 'session'::text))", "=", "$1"), (json.Key, json.Operator, json.Other));
        Assert.Equal([new ColumnRef("e", "payload")], json.Columns);
        Assert.Equal(("lower(email)", "="), (call.Key, call.Operator));
    }

    [Fact]
    public void Plain_columns_joins_of_two_tables_and_subqueries_are_not_expressions()
    {
        Assert.Empty(PredicateParser.ParseExpressions("((o.status = 'paid'::text) AND ((c.email)::text = $1))"));
        Assert.Empty(PredicateParser.ParseExpressions("(lower(a.email) = lower(b.email))"));
        Assert.Empty(PredicateParser.ParseExpressions("((a.total * $2) > $1)"));
        Assert.Empty(PredicateParser.ParseExpressions("(a.total > (SubPlan 1))"));
    }

    [Fact]
    public void Column_references_skip_literals_casts_and_function_names()
    {
        var references = PredicateParser.References("sum(((i.quantity)::numeric * i.unit_price)), count(*), 'o.fake'::text, kind").ToList();

        Assert.Equal([new ColumnRef("i", "quantity"), new ColumnRef("i", "unit_price"), new ColumnRef(null, "kind")], references);
    }
}
