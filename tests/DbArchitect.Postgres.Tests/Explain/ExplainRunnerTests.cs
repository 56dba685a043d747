using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Explain;

public sealed class ExplainFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric NOT NULL);
        INSERT INTO items SELECT g, 'item ' || g, g % 100 FROM generate_series(1, 20000) g;
        CREATE SEQUENCE ticket_seq;
        CREATE FUNCTION bump() RETURNS int LANGUAGE sql AS 'INSERT INTO items VALUES (-1, ''x'', 0) RETURNING id';
        ANALYZE items;
        """);
}

public sealed class ExplainRunnerTests(ExplainFixture database) : IClassFixture<ExplainFixture>
{
    private async Task<ExplainResult> Explain(string sql, bool analyze = false, IReadOnlyList<object?>? parameters = null)
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        return await new ExplainRunner(dataSource).ExplainAsync(sql, new ExplainOptions { Analyze = analyze, Parameters = parameters }, CancellationToken.None);
    }

    [Fact]
    public async Task Plain_explain_returns_a_typed_plan_with_costs_and_relation()
    {
        var result = await Explain("SELECT name FROM items WHERE price = 3;");

        Assert.False(result.Analyzed);
        Assert.Equal("Seq Scan", result.Plan.NodeType);
        Assert.Equal("items", result.Plan.RelationName);
        Assert.True(result.Plan.TotalCost > 0);
        Assert.Contains("price", result.Plan.Filter, StringComparison.Ordinal);
        Assert.Null(result.Plan.ActualRows);
    }

    [Fact]
    public async Task Analyze_of_a_select_reports_actual_rows_buffers_and_timings()
    {
        var result = await Explain("SELECT * FROM items WHERE id < 100 ORDER BY name", analyze: true);

        Assert.True(result.Analyzed);
        Assert.NotNull(result.ExecutionTimeMs);
        var scan = result.Plan.DescendantsAndSelf().Single(n => n.RelationName == "items");
        Assert.Equal(99, scan.ActualRows);
        Assert.NotNull(scan.SharedHitBlocks);
        Assert.Equal("Sort", result.Plan.NodeType);
        Assert.NotEmpty(result.Plan.SortKey);
    }

    [Fact]
    public async Task Placeholders_the_statement_leaves_untyped_are_planned_with_an_assumed_type_that_the_result_names()
    {
        var series = await Explain("SELECT g FROM generate_series($1, $2) g");
        var typed = await Explain("SELECT name FROM items WHERE id = $1");

        Assert.Equal("bigint", series.AssumedPlaceholderType);
        Assert.Equal("Function Scan", series.Plan.NodeType);
        Assert.Null(typed.AssumedPlaceholderType);
    }

    [Fact]
    public async Task A_statement_no_assumed_type_can_plan_is_skipped_with_the_reason()
    {
        var refused = await Assert.ThrowsAsync<ExplainRefusedException>(() => Explain("SELECT $1 && $2"));

        Assert.StartsWith("skipped: the statement does not say what type its placeholders are", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_constants_normalised_by_pg_stat_statements_are_planned_as_casts()
    {
        var result = await Explain("SELECT count(*) FROM items WHERE price > numeric $1 AND now() > timestamptz $2 - interval $3");

        Assert.Contains("$1", result.Plan.DescendantsAndSelf().Single(n => n.RelationName == "items").Filter, StringComparison.Ordinal);
        Assert.Equal("SELECT count(*) FROM items WHERE price > $1::numeric AND now() > $2::timestamptz - $3::interval", TypedPlaceholders.Rewrite("SELECT count(*) FROM items WHERE price > numeric $1 AND now() > timestamptz $2 - interval $3"));
    }

    [Fact]
    public void Placeholders_and_typed_constants_inside_strings_and_comments_are_text()
    {
        const string Sql = "SELECT '$9', \"$8\" FROM t /* $7 date $7 */ WHERE a = $2 AND b > date $1 -- $6";

        Assert.Equal(2, ExplainRunner.PlaceholderCount(Sql));
        Assert.Equal("SELECT '$9', \"$8\" FROM t /* $7 date $7 */ WHERE a = $2 AND b > $1::date -- $6", TypedPlaceholders.Rewrite(Sql));
        Assert.Equal("SELECT $1::timestamp with time zone, 'interval $2'", TypedPlaceholders.Rewrite("SELECT timestamp  with time zone $1, 'interval $2'"));
        Assert.Equal(0, ExplainRunner.PlaceholderCount("SELECT $$ $1 $$"));
    }

    [Fact]
    public async Task Parameterised_statement_without_values_is_planned_generically()
    {
        var result = await Explain("SELECT name FROM items WHERE id = $1 AND price > $2");

        Assert.Equal("Index Scan", result.Plan.NodeType);
        Assert.Contains("$1", result.Plan.IndexCondition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameterised_statement_with_values_can_be_analyzed()
    {
        var result = await Explain("SELECT name FROM items WHERE id = $1", analyze: true, parameters: [42]);

        Assert.Equal(1, result.Plan.ActualRows);
    }

    [Theory]
    [InlineData("SELECT 1; DROP TABLE items", "exactly one statement")]
    [InlineData("CREATE TABLE x (id int)", "not a statement EXPLAIN can plan")]
    [InlineData("COPY items TO STDOUT", "not a statement EXPLAIN can plan")]
    [InlineData("   ;  ", "empty")]
    public async Task Refuses_what_is_not_a_single_plannable_statement(string sql, string reason)
    {
        var error = await Assert.ThrowsAsync<ExplainRefusedException>(() => Explain(sql));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE FROM items WHERE id = 1")]
    [InlineData("WITH gone AS (DELETE FROM items WHERE id = 2 RETURNING id) SELECT count(*) FROM gone")]
    [InlineData("SELECT bump()")]
    [InlineData("SELECT nextval('ticket_seq')")]
    public async Task Analyze_refuses_statements_that_write_and_nothing_changes(string sql)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Explain(sql, analyze: true));

        var count = await Explain("SELECT count(*) FROM items", analyze: true);
        Assert.Equal(1, count.Plan.ActualRows);
        var check = await Explain("SELECT 1 FROM items WHERE id IN (1, 2, -1)", analyze: true);
        Assert.Equal(2, check.Plan.DescendantsAndSelf().Where(n => n.RelationName == "items").Sum(n => n.ActualRows ?? 0));
    }

    [Fact]
    public async Task Plain_explain_of_a_delete_shows_the_plan_without_running_it()
    {
        var result = await Explain("DELETE FROM items WHERE id = 3");

        Assert.Equal("ModifyTable", result.Plan.NodeType);
        var analyzeRefusal = await Assert.ThrowsAsync<ExplainRefusedException>(() => Explain("DELETE FROM items WHERE id = 3", analyze: true));
        Assert.Contains("modifies data", analyzeRefusal.Message, StringComparison.Ordinal);
    }
}
