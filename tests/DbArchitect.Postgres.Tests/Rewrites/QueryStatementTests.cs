using DbArchitect.Postgres.Rewrites;

namespace DbArchitect.Postgres.Tests.Rewrites;

public sealed class QueryStatementTests
{
    [Theory]
    [InlineData("SELECT id FROM orders ORDER BY id")]
    [InlineData("select id from orders order\n  by id desc;")]
    [InlineData("(SELECT id FROM orders ORDER BY id)")]
    [InlineData("SELECT id FROM a UNION SELECT id FROM b ORDER BY 1")]
    [InlineData("(SELECT id FROM a) UNION (SELECT id FROM b) ORDER BY 1")]
    [InlineData("WITH recent AS (SELECT id FROM orders) SELECT id FROM recent ORDER BY id")]
    [InlineData("SELECT id FROM orders /* newest first */ ORDER BY id DESC LIMIT 5")]
    public void ORDER_BY_of_the_statement_itself_makes_order_part_of_the_answer(string sql) =>
        Assert.True(QueryStatement.HasOrderBy(sql));

    [Theory]
    [InlineData("SELECT id FROM orders")]
    [InlineData("SELECT id FROM (SELECT id FROM orders ORDER BY id LIMIT 10) AS page")]
    [InlineData("SELECT id, row_number() OVER (ORDER BY created_at) FROM orders")]
    [InlineData("SELECT id, sum(total) OVER w FROM orders WINDOW w AS (ORDER BY id)")]
    [InlineData("SELECT string_agg(email, ',' ORDER BY email) FROM orders")]
    [InlineData("SELECT 'ORDER BY id' FROM orders")]
    [InlineData("SELECT E'it\\'s ORDER BY id' FROM orders")]
    [InlineData("SELECT $$ ORDER BY id $$, $tag$ ORDER BY $tag$ FROM orders")]
    [InlineData("SELECT id AS \"order by\" FROM orders")]
    [InlineData("SELECT id FROM orders -- ORDER BY id")]
    [InlineData("SELECT id FROM orders /* ORDER BY /* nested */ id */")]
    [InlineData("WITH ranked AS (SELECT id FROM orders ORDER BY id) SELECT id FROM ranked")]
    [InlineData("SELECT id FROM orders WHERE id IN (SELECT id FROM orders ORDER BY total LIMIT 3)")]
    public void ORDER_BY_in_a_subquery_window_aggregate_string_or_comment_is_not_top_level(string sql) =>
        Assert.False(QueryStatement.HasOrderBy(sql));

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("  with x AS (SELECT 1 AS a) SELECT a FROM x ;  ")]
    [InlineData("VALUES (1), (2)")]
    [InlineData("TABLE orders")]
    [InlineData("(SELECT 1) UNION ALL (SELECT 2)")]
    [InlineData("SELECT 1; -- done")]
    [InlineData("SELECT E'it\\'s; (' AS a, $f$ ; ) $f$ AS b, U&'d\\0061t' AS c /* ; ( */ FROM t1")]
    [InlineData("SELECT -1 - -2::int, t1.a1 FROM t1 WHERE t1.a1 = $1")]
    public void Single_queries_are_read(string sql)
    {
        Assert.True(QueryStatement.TryRead(sql, out var query, out var refusal), refusal);
        Assert.False(query.Text.EndsWith(';'));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  ;", "empty")]
    [InlineData("SELECT 1; SELECT 2", "only one statement")]
    [InlineData("SELECT 1;;", "only one statement")]
    [InlineData("DELETE FROM orders", "not a statement starting with DELETE")]
    [InlineData("UPDATE orders SET total = 0", "not a statement starting with UPDATE")]
    [InlineData("EXPLAIN ANALYZE DELETE FROM orders", "not a statement starting with EXPLAIN")]
    [InlineData("SELECT * INTO copy_of_orders FROM orders", "SELECT … INTO creates a table")]
    [InlineData("SELECT 'never closed FROM orders", "never closed")]
    [InlineData("SELECT 1 /* never closed", "never closed")]
    [InlineData("SELECT (1", "parentheses")]
    [InlineData("SELECT 1) AS t; DELETE FROM orders --", "only one statement")]
    [InlineData("SELECT 1) AS t, (SELECT 2", "parentheses")]
    [InlineData("SELECT $99999999999", "not a placeholder PostgreSQL accepts")]
    [InlineData("SELECT $$ never closed", "never closed")]
    [InlineData("SELECT 1 /* outer /* inner */ still open", "never closed")]
    [InlineData("SELECT $1x FROM orders", "$1x is not a placeholder PostgreSQL accepts")]
    [InlineData("SELEC 1", "not a statement starting with SELEC")]
    [InlineData("SELECT * INTO copy_of_orders FROM orders WHERE note IS JSON", "SELECT … INTO creates a table")]
    [InlineData("SELECT * INTO copy_of_orders FROM orders UNION SELECT * FROM orders", "SELECT … INTO creates a table")]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM orders", "not a statement starting with WITH")]
    public void Anything_but_one_read_only_query_is_refused_with_a_reason(string sql, string reason)
    {
        Assert.False(QueryStatement.TryRead(sql, out _, out var refusal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_outside_strings_are_listed_once_each_in_ascending_order()
    {
        Assert.True(QueryStatement.TryRead("SELECT id FROM orders WHERE status = $2 AND total > $1 AND note <> '$3' AND id <> $2 -- $4", out var query, out _));

        Assert.Equal([1, 2], query.Placeholders);
    }

    [Theory]
    [InlineData("SELECT id FROM orders WHERE note IS JSON AND id > $2 ORDER BY id", true)]
    [InlineData("SELECT id FROM orders WHERE id > 1_000 AND id > $2 AND total < 0x1F", false)]
    [InlineData("SELECT id FROM orders WHERE note IS JSON AND id IN (SELECT id FROM orders ORDER BY id) AND id > $2", false)]
    public void A_query_PostgreSQL_15s_parser_does_not_read_is_left_to_the_targets_planner_and_read_from_its_tokens(string sql, bool orderBy)
    {
        Assert.True(QueryStatement.TryRead(sql, out var query, out var refusal), refusal);

        Assert.Equal([2], query.Placeholders);
        Assert.Equal(orderBy, query.HasTopLevelOrderBy);
    }

    [Fact]
    public void Placeholders_are_found_wherever_they_nest_in_the_parse_tree()
    {
        Assert.True(QueryStatement.TryRead("WITH x AS (SELECT $3 AS a) SELECT a FROM x WHERE a IN (SELECT $1::int) ORDER BY a /* $2 */", out var query, out _));

        Assert.Equal([1, 3], query.Placeholders);
        Assert.True(query.HasTopLevelOrderBy);
    }

    [Fact]
    public void Typed_placeholders_from_pg_stat_statements_are_written_as_casts()
    {
        Assert.True(QueryStatement.TryRead("SELECT id FROM orders WHERE created_at > timestamptz $1", out var query, out _));

        Assert.Equal("SELECT id FROM orders WHERE created_at > $1::timestamptz", query.Text);
    }
}
