using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Advisor;

public sealed class CandidateKindFixture : DatabaseFixture
{
    protected override async Task OnCreatedAsync()
    {
        // readings arrive in time order; sensor and kind are scattered over the heap. The commit is
        // synchronous so that VACUUM can mark every page all-visible at once (index-only scans pay only there).
        await ExecuteAsync("""
            SET synchronous_commit = on;
            CREATE TABLE readings (id bigint PRIMARY KEY, sensor text NOT NULL, kind text NOT NULL, taken_at timestamptz NOT NULL,
                value numeric NOT NULL, note text NOT NULL, payload jsonb NOT NULL);
            INSERT INTO readings SELECT g, 'sensor-' || (g * 7919 % 5000), (ARRAY['temp', 'humidity', 'pressure', 'wind'])[1 + g % 4],
                timestamptz '2024-01-01' + g * interval '1 minute', g % 1000, repeat('n', 40),
                jsonb_build_object('session', md5(g::text), 'device', 'd' || (g % 7))
              FROM generate_series(1, 200000) g;
            """);
        await ExecuteAsync("VACUUM ANALYZE");
    }
}

public sealed class CandidateKindTests(CandidateKindFixture database) : IClassFixture<CandidateKindFixture>
{
    private async Task<AdvisorResult> Advise(params string[] statements)
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var workload = statements.Select(s => new WorkloadStatement { Text = s, Source = WorkloadSource.File }).ToList();
        return await new IndexAdvisor(dataSource).AdviseAsync(workload, new AdvisorOptions(), CancellationToken.None);
    }

    // Builds the recommendation for real (the migration's own statement), plans the statement on it, and drops it.
    private async Task<(string IndexDefinition, PlanNode Plan)> BuildAndPlan(IndexCandidate index, string statement)
    {
        await database.ExecuteAsync(index.CreateStatement);
        try
        {
            await database.ExecuteAsync($"VACUUM ANALYZE {index.QualifiedTable}");
            await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
            var plan = await new ExplainRunner(dataSource).ExplainAsync(statement, new ExplainOptions(), CancellationToken.None);
            var definition = await database.ScalarAsync<string>($"SELECT indexdef FROM pg_indexes WHERE indexname = '{index.Name}'");
            return (definition, plan.Plan);
        }
        finally
        {
            await database.ExecuteAsync(index.DropStatement);
        }
    }

    [SkippableFact]
    public async Task A_statement_that_uses_few_columns_gets_a_covering_index_and_an_index_only_scan()
    {
        // The scan under the aggregate returns the whole row; the statement uses only kind and taken_at.
        const string statement = "SELECT kind, count(*) FROM readings WHERE taken_at >= $1 GROUP BY kind";
        var result = await Advise(statement);

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["taken_at"], recommendation.Index.Keys);
        Assert.Equal(["kind"], recommendation.Index.Include);
        var (_, plan) = await BuildAndPlan(recommendation.Index, statement);
        Assert.Contains(plan.DescendantsAndSelf(), n => n.NodeType == "Index Only Scan" && n.IndexName == recommendation.Index.Name);
    }

    [SkippableFact]
    public async Task A_wide_projection_gets_no_covering_index()
    {
        var result = await Advise(
            "SELECT * FROM readings WHERE sensor = $1",
            "SELECT id, kind, value, note, payload FROM readings WHERE taken_at >= $1 AND taken_at < $2");

        Assert.Contains(result.Candidates, c => c.Keys is ["sensor"]);
        Assert.DoesNotContain(result.Candidates, c => c.Include.Count > 0);
    }

    [SkippableFact]
    public async Task A_json_field_compared_with_a_parameter_gets_an_expression_index_that_the_server_prints_back_the_same()
    {
        const string statement = "SELECT id, kind FROM readings WHERE payload ->> 'session' = $1";
        var result = await Advise(statement);

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["((payload ->> 'session'::text))"], recommendation.Index.Keys);

        // Looked up by equality only, a 32-character key is stored smaller by a hash index, at the same cost per lookup.
        Assert.Equal(("hash", "readings_payload_session_hash_idx"), (recommendation.Index.Method, recommendation.Index.Name));
        Assert.Contains(result.Candidates, c => c.Method == "btree" && c.Keys.SequenceEqual(recommendation.Index.Keys));
        Assert.True(result.Statements[0].CostAfter < result.Statements[0].CostBefore / 2, $"{result.Statements[0].CostBefore} → {result.Statements[0].CostAfter}");
        var (definition, plan) = await BuildAndPlan(recommendation.Index, statement);
        Assert.Equal(recommendation.Index.ServerDefinition, definition);
        Assert.True(plan.TotalCost < 20, $"with the expression's statistics the lookup is a few pages, not {plan.TotalCost}");
    }

    [SkippableFact]
    public async Task A_function_call_key_is_written_bare_and_an_expression_the_server_cannot_index_is_named_not_fatal()
    {
        // to_char of a timestamptz depends on the session's time zone: the server refuses it as an index expression.
        var result = await Advise(
            "SELECT id FROM readings WHERE lower(sensor) = $1",
            "SELECT count(*) FROM readings WHERE to_char(taken_at, 'YYYY') = $1");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["lower(sensor)"], recommendation.Index.Keys);
        Assert.Contains(result.Notes, n => n.Contains("to_char(taken_at", StringComparison.Ordinal) && n.Contains("IMMUTABLE", StringComparison.Ordinal));
        var (definition, _) = await BuildAndPlan(recommendation.Index, "SELECT id FROM readings WHERE lower(sensor) = $1");
        Assert.Equal(recommendation.Index.ServerDefinition, definition);
    }

    [SkippableFact]
    public async Task An_expression_an_existing_index_already_holds_is_not_proposed_again()
    {
        await database.ExecuteAsync("CREATE INDEX readings_device_idx ON readings ((payload ->> 'device'))");
        try
        {
            var result = await Advise("SELECT id FROM readings WHERE payload ->> 'device' = $1");

            Assert.DoesNotContain(result.Candidates, c => c.Method == "btree" && c.Keys is ["((payload ->> 'device'::text))"]);
        }
        finally
        {
            await database.ExecuteAsync("DROP INDEX readings_device_idx");
        }
    }
}
