using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Advisor.Trial;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Advisor;

public sealed class AdvisorFixture : DatabaseFixture
{
    protected override async Task OnCreatedAsync()
    {
        await ExecuteAsync("""
            CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, country text NOT NULL, created_at timestamptz NOT NULL, score int NOT NULL);
            INSERT INTO customers SELECT g, 'user' || g || '@example.com', 'c' || (g % 50), timestamptz '2024-01-01' + g * interval '1 minute', g * 7919 % 100000
              FROM generate_series(1, 100000) g;
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, total numeric NOT NULL, created_at timestamptz NOT NULL);
            INSERT INTO orders SELECT g, g % 500,
                CASE WHEN g % 100 = 0 THEN 'failed' WHEN g % 100 = 1 THEN 'pending' ELSE 'done' END,
                (g % 1000) / 10.0, timestamptz '2024-01-01' + (g * 7919 % 200000) * interval '1 minute'
              FROM generate_series(1, 200000) g;
            CREATE INDEX orders_customer_id_idx ON orders (customer_id);
            CREATE TABLE docs (id int PRIMARY KEY, body jsonb NOT NULL);
            INSERT INTO docs SELECT g, jsonb_build_object('tag', 't' || (g % 1000)) FROM generate_series(1, 20000) g;
            """);
        await ExecuteAsync("VACUUM ANALYZE");
    }
}

public sealed class IndexAdvisorTests(AdvisorFixture database) : IClassFixture<AdvisorFixture>
{
    private Task<AdvisorResult> Advise(params string[] statements) => Advise(trial: false, statements);

    private async Task<AdvisorResult> Advise(bool trial, params string[] statements)
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var workload = statements.Select(s => new WorkloadStatement { Text = s, Source = WorkloadSource.File }).ToList();
        var scratchTrial = trial ? new ScratchIndexTrial(database.AdminConnectionString, dataSource, new ScratchTrialOptions { MaxRowsPerTable = 20_000 }) : null;
        return await new IndexAdvisor(dataSource, scratchTrial).AdviseAsync(workload, new AdvisorOptions(), CancellationToken.None);
    }

    [SkippableFact]
    public async Task Single_column_equality_gets_a_btree_that_cuts_the_cost()
    {
        var result = await Advise("SELECT * FROM customers WHERE email = $1");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["email"], recommendation.Index.Keys);
        Assert.Equal(EvidenceSource.Hypothetical, recommendation.Evidence);
        var statement = Assert.Single(result.Statements);
        Assert.True(statement.CostAfter < statement.CostBefore / 10, $"{statement.CostBefore} → {statement.CostAfter}");
        Assert.Equal([recommendation.Index.QualifiedName], statement.IndexesUsed);
        Assert.StartsWith("CREATE INDEX CONCURRENTLY customers_email_idx ON public.customers (email);", recommendation.Index.CreateStatement, StringComparison.Ordinal);
        Assert.Equal("DROP INDEX CONCURRENTLY IF EXISTS public.customers_email_idx;", recommendation.Index.DropStatement);
        Assert.InRange(recommendation.EstimatedBytes, 1_000_000, 20_000_000);
    }

    [SkippableFact]
    public async Task Plans_made_before_are_the_baseline_and_give_the_same_advice_as_planning_again()
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var snapshot = await new CatalogReader(dataSource).ReadAsync(CancellationToken.None);
        var found = new WorkloadStatement { Text = "SELECT * FROM customers WHERE email = $1", Source = WorkloadSource.File };
        var broken = new WorkloadStatement { Text = "SELECT * FROM no_such_table", Source = WorkloadSource.File };
        var plan = await new ExplainRunner(dataSource).ExplainAsync(found.Text, new ExplainOptions(), CancellationToken.None);

        var fromPlans = await new IndexAdvisor(dataSource).AdviseAsync([new WorkloadPlan(found, plan, null), new WorkloadPlan(broken, null, "relation \"no_such_table\" does not exist")], snapshot, new AdvisorOptions(), CancellationToken.None);
        var planningAgain = await new IndexAdvisor(dataSource).AdviseAsync([found, broken], snapshot, new AdvisorOptions(), CancellationToken.None);

        Assert.Equal(planningAgain.Recommendations.Select(r => r.Index.Definition), fromPlans.Recommendations.Select(r => r.Index.Definition));
        Assert.Equal(plan.Plan.TotalCost, fromPlans.Statements[0].CostBefore);
        Assert.Equal(planningAgain.Statements[0].CostBefore, fromPlans.Statements[0].CostBefore);
        Assert.Equal("relation \"no_such_table\" does not exist", fromPlans.Statements[1].Skipped);
    }

    [SkippableFact]
    public async Task Composite_puts_the_equality_column_before_the_range_column()
    {
        // score is scattered over the heap, so a range on it alone still visits a page per row.
        var result = await Advise("SELECT * FROM customers WHERE score >= $1 AND score < $2 AND country = $3");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["country", "score"], recommendation.Index.Keys);
    }

    [SkippableFact]
    public async Task Rare_constant_gets_a_partial_index_smaller_than_a_full_one()
    {
        var result = await Advise("SELECT id, total FROM orders WHERE status = 'failed' ORDER BY created_at DESC LIMIT 20");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal("status = 'failed'::text", recommendation.Index.Predicate);
        Assert.Contains(result.Candidates, c => c.Predicate is null && c.Keys.Contains("status"));
        Assert.True(result.Statements[0].CostAfter < result.Statements[0].CostBefore / 10);
    }

    [SkippableFact]
    public async Task A_one_off_literal_of_a_high_cardinality_column_gets_a_plain_index_not_a_partial_one()
    {
        var result = await Advise("SELECT * FROM customers WHERE email = 'user4242@example.com'");

        Assert.DoesNotContain(result.Candidates, c => c.Predicate is not null);
        Assert.Equal(["email"], Assert.Single(result.Recommendations).Index.Keys);
    }

    [SkippableFact]
    public async Task Returned_columns_go_into_include_for_an_index_only_scan()
    {
        // orders.created_at is scattered over the heap, so reading the table per row is what an
        // index-only scan saves. An index-only scan pays only where the visibility map says so.
        await database.ExecuteAsync("VACUUM orders");
        Assert.True(await database.ScalarAsync<int>("SELECT relallvisible FROM pg_class WHERE oid = 'orders'::regclass") > 0, "VACUUM left no page all-visible");
        var result = await Advise("SELECT total FROM orders WHERE created_at >= $1 AND created_at < $2");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["created_at"], recommendation.Index.Keys);
        Assert.Equal(["total"], recommendation.Index.Include);
        Assert.Contains("INCLUDE (total)", recommendation.Index.CreateStatement, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_wider_index_that_serves_an_existing_one_proposes_dropping_it()
    {
        var result = await Advise("SELECT * FROM orders WHERE customer_id = $1 AND created_at >= $2 ORDER BY created_at LIMIT 50");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["customer_id", "created_at"], recommendation.Index.Keys);
        var redundant = Assert.Single(result.Redundant);
        Assert.Equal("public.orders_customer_id_idx", redundant.QualifiedName);
        Assert.Equal("DROP INDEX CONCURRENTLY IF EXISTS public.orders_customer_id_idx;", redundant.DropStatement);
        Assert.Contains("CREATE INDEX CONCURRENTLY orders_customer_id_idx", redundant.RecreateStatement, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task What_an_existing_index_already_serves_is_not_proposed_again()
    {
        var result = await Advise("SELECT * FROM orders WHERE customer_id = $1");

        Assert.DoesNotContain(result.Candidates, c => c.Keys is ["customer_id"] && c.Method == "btree" && c.Include.Count == 0 && c.Predicate is null);
        Assert.DoesNotContain(result.Recommendations, r => r.Index.Keys is ["customer_id"] && r.Index.Include.Count == 0);
    }

    [SkippableFact]
    public async Task Nothing_is_recommended_when_no_index_would_help()
    {
        var result = await Advise("SELECT sum(total) FROM orders", "SELECT * FROM customers WHERE id = $1", "SELECT count(*) FROM customers WHERE country <> 'c1'");

        Assert.Empty(result.Recommendations);
        Assert.Empty(result.Redundant);
        Assert.All(result.Statements, s => Assert.Equal(s.CostBefore, s.CostAfter));
    }

    [SkippableFact]
    public async Task Gin_candidates_are_named_but_not_costed_without_a_scratch_trial()
    {
        var result = await Advise("""SELECT id FROM docs WHERE body @> '{"tag":"t7"}'""");

        Assert.Contains(result.Candidates, c => c.Method == "gin" && c.Keys is ["body"]);
        Assert.Contains(result.Notes, n => n.Contains("USING gin", StringComparison.Ordinal) && n.Contains("not costed", StringComparison.Ordinal));
        Assert.Empty(result.Recommendations);
    }

    [SkippableFact]
    public async Task Trigram_gin_for_a_leading_wildcard_is_measured_on_a_scratch_copy_and_recommended()
    {
        var result = await Advise(trial: true, "SELECT id FROM customers WHERE email LIKE '%user4242%'");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal("gin", recommendation.Index.Method);
        Assert.Equal(["email gin_trgm_ops"], recommendation.Index.Keys);
        Assert.Equal(EvidenceSource.ScratchTrial, recommendation.Evidence);
        Assert.Equal("CREATE EXTENSION IF NOT EXISTS pg_trgm;", recommendation.Index.Prerequisite);
        Assert.True(result.Statements[0].CostAfter < result.Statements[0].CostBefore / 5, $"{result.Statements[0].CostBefore} → {result.Statements[0].CostAfter}");
        Assert.Contains(result.Notes, n => n.Contains("scratch copy holding", StringComparison.Ordinal));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"));
    }
}
