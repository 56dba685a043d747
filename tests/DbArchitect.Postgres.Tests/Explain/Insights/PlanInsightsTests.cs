using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Sessions;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Explain.Insights;

public sealed class PlanInsightsTests(InsightFixture database) : IClassFixture<InsightFixture>
{
    private async Task<IReadOnlyList<Finding>> Insights(string sql, bool analyze = true, string? options = null)
    {
        var connectionString = options is null
            ? database.AdminConnectionString
            : new NpgsqlConnectionStringBuilder(database.AdminConnectionString) { Options = options }.ConnectionString;
        await using var dataSource = TargetDataSource.Create(connectionString);
        var result = await new ExplainRunner(dataSource).ExplainAsync(sql, new ExplainOptions { Analyze = analyze }, CancellationToken.None);
        return PlanInsights.Evaluate(new PlanInsightContext { Result = result });
    }

    private async Task<double> CostAfter(string ddl, string sql)
    {
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Expression indexes get statistics only from ANALYZE, as they would after a real deployment.
        await using (var create = new NpgsqlCommand(ddl.Replace("CONCURRENTLY ", "", StringComparison.Ordinal) + "; ANALYZE events;", connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) {sql}", connection, transaction);
        var plan = PlanJsonReader.Read(sql, (string)(await explain.ExecuteScalarAsync())!, analyzed: false);
        await transaction.RollbackAsync();
        return plan.Plan.TotalCost;
    }

    [Fact]
    public async Task Selective_sequential_scan_is_reported_with_an_index_that_cuts_the_cost()
    {
        const string sql = "SELECT id, name FROM events WHERE category = 7";
        var finding = Assert.Single(await Insights(sql), f => f.RuleId == "seq-scan-selective-filter");

        Assert.Contains("CREATE INDEX CONCURRENTLY", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.Contains("(category)", finding.Remedy.Up, StringComparison.Ordinal);
        Assert.StartsWith("DROP INDEX CONCURRENTLY", finding.Remedy.Down, StringComparison.Ordinal);
        Assert.True(await CostAfter(finding.Remedy.Up, sql) < await CostAfter("SELECT 1", sql) / 5);
    }

    [Fact]
    public async Task Unselective_scan_and_primary_key_lookup_are_not_reported()
    {
        Assert.DoesNotContain(await Insights("SELECT count(*) FROM events WHERE category >= 0"), f => f.RuleId == "seq-scan-selective-filter");
        Assert.Empty(await Insights("SELECT name FROM events WHERE id = 42"));
    }

    [Fact]
    public async Task Correlated_columns_give_a_row_estimate_off_finding_with_extended_statistics()
    {
        var finding = Assert.Single(await Insights("SELECT id FROM events WHERE a = 5 AND b = 5"), f => f.RuleId == "row-estimate-off");

        Assert.Contains("CREATE STATISTICS", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.Contains("DROP STATISTICS", finding.Remedy.Down, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sort_larger_than_work_mem_is_reported_with_the_memory_that_fits()
    {
        var finding = Assert.Single(await Insights("SELECT name, note FROM events ORDER BY name", options: "-c work_mem=64kB"), f => f.RuleId == "spill-to-disk");

        Assert.Matches(@"ALTER ROLE CURRENT_USER SET work_mem = '\d+MB';", finding.Remedy!.Up);
        Assert.DoesNotContain(await Insights("SELECT name FROM events WHERE id < 100 ORDER BY name"), f => f.RuleId == "spill-to-disk");
    }

    [Fact]
    public async Task Nested_loop_over_many_outer_rows_is_reported()
    {
        var findings = await Insights(
            "SELECT e.id FROM events e JOIN kinds k ON k.label = 'kind ' || e.category WHERE e.id <= 20000",
            options: "-c enable_hashjoin=off -c enable_mergejoin=off -c enable_memoize=off");

        Assert.Contains(findings, f => f.RuleId == "nested-loop-many-outer");
    }

    [Fact]
    public async Task Index_scan_whose_rows_are_discarded_by_a_filter_is_reported()
    {
        var finding = Assert.Single(await Insights("SELECT id FROM events WHERE a = 3 AND c1 = 3", options: "-c enable_seqscan=off -c enable_bitmapscan=off"), f => f.RuleId == "index-filter-mismatch");

        Assert.Contains("(a, c1)", finding.Remedy!.Up, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_only_scan_with_heap_fetches_asks_for_vacuum()
    {
        var finding = Assert.Single(await Insights("SELECT a FROM events WHERE a BETWEEN 1 AND 50", options: "-c enable_seqscan=off -c enable_bitmapscan=off"), f => f.RuleId == "index-only-heap-fetches");

        Assert.StartsWith("VACUUM (ANALYZE)", finding.Remedy!.Up, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Function_on_a_column_is_reported_with_an_expression_index()
    {
        var finding = Assert.Single(await Insights("SELECT id FROM events WHERE lower(name) = 'name-x'"), f => f.RuleId == "non-sargable-predicate");

        Assert.Contains("((lower(name)))", finding.Remedy!.Up, StringComparison.Ordinal);
        const string sql = "SELECT id FROM events WHERE lower(name) = 'name-x'";
        Assert.True(await CostAfter(finding.Remedy.Up, sql) < await CostAfter("SELECT 1", sql) / 5);
    }

    [Fact]
    public async Task Leading_wildcard_like_is_reported_with_a_trigram_index()
    {
        var finding = Assert.Single(await Insights("SELECT id FROM events WHERE name LIKE '%abc%'"), f => f.RuleId == "leading-wildcard-like");

        Assert.Contains("USING gin (name gin_trgm_ops)", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.DoesNotContain(await Insights("SELECT id FROM events WHERE name LIKE 'name-a%' AND id < 10"), f => f.RuleId == "leading-wildcard-like");
    }

    [Fact]
    public async Task Query_shapes_offset_select_star_not_in_and_correlated_subquery_are_reported()
    {
        Assert.Contains(await Insights("SELECT id FROM events ORDER BY id OFFSET 150000 LIMIT 10"), f => f.RuleId == "offset-pagination");
        Assert.DoesNotContain(await Insights("SELECT id FROM events ORDER BY id OFFSET 10 LIMIT 10"), f => f.RuleId == "offset-pagination");
        Assert.Contains(await Insights("SELECT * FROM events WHERE id < 10"), f => f.RuleId == "select-star");
        Assert.DoesNotContain(await Insights("SELECT id, name FROM events WHERE id < 10"), f => f.RuleId == "select-star");
        Assert.Contains(await Insights("SELECT k FROM kinds WHERE k NOT IN (SELECT category FROM events WHERE id < 100)"), f => f.RuleId == "not-in-subquery");
        Assert.Contains(await Insights("SELECT k, (SELECT max(id) FROM events e WHERE e.id = k.k) FROM kinds k"), f => f.RuleId == "correlated-subquery");
    }

    [Fact]
    public async Task Query_shapes_are_read_from_the_statement_not_from_its_strings_comments_or_subqueries()
    {
        var findings = await Insights("""
            SELECT id, 'SELECT * FROM x OFFSET 5000' AS note /* NOT IN (SELECT 1) */
            FROM events e
            WHERE EXISTS (SELECT * FROM kinds k WHERE k.k = e.category) -- OFFSET 90000
            ORDER BY id LIMIT 10
            """);

        Assert.DoesNotContain(findings, f => f.RuleId is "offset-pagination" or "select-star" or "not-in-subquery");
        Assert.Contains(await Insights("SELECT id FROM events UNION ALL SELECT id FROM events ORDER BY 1 OFFSET 2000"), f => f.RuleId == "offset-pagination");
    }

    [Fact]
    public void Parallel_workers_planned_but_not_launched_are_reported()
    {
        var plan = new PlanNode
        {
            NodeType = "Gather",
            WorkersPlanned = 4,
            WorkersLaunched = 1,
            Children = [new PlanNode { NodeType = "Parallel Seq Scan", RelationName = "events", Schema = "public" }],
        };
        var result = new ExplainResult { Statement = "SELECT count(*) FROM events", Plan = plan, Analyzed = true, RawJson = "[]" };

        var finding = Assert.Single(PlanInsights.Evaluate(new PlanInsightContext { Result = result }));

        Assert.Equal("parallel-workers-not-launched", finding.RuleId);
        Assert.Contains("4", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_keys_are_stable_for_the_same_statement_text()
    {
        var plan = new PlanNode { NodeType = "Result" };
        var a = new PlanInsightContext { Result = new ExplainResult { Statement = "SELECT  1\n FROM x", Plan = plan, Analyzed = false, RawJson = "[]" } };
        var b = new PlanInsightContext { Result = new ExplainResult { Statement = "SELECT 1 FROM x", Plan = plan, Analyzed = false, RawJson = "[]" } };

        Assert.Equal(a.StatementId, b.StatementId);
        Assert.Equal("public.events", SqlIdentifier.Qualify("public", "events"));
    }
}
