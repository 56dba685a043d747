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
}
