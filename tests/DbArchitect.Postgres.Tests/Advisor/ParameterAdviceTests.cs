using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Advisor;

public sealed class ParameterAdviceFixture : DatabaseFixture
{
    protected override async Task OnCreatedAsync()
    {
        await ExecuteAsync("""
            CREATE TABLE accounts (id int PRIMARY KEY);
            INSERT INTO accounts SELECT g FROM generate_series(1, 2000) g;
            CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, queued_at timestamptz NOT NULL, payload text NOT NULL);
            INSERT INTO jobs SELECT g,
                CASE WHEN g % 100 = 0 THEN 'failed' WHEN g % 100 = 1 THEN 'pending' ELSE 'done' END,
                timestamptz '2024-01-01' + (g * 7919 % 200000) * interval '1 minute', 'p' || g
              FROM generate_series(1, 200000) g;
            CREATE TABLE activities (id bigint PRIMARY KEY, owner text NOT NULL, at timestamptz NOT NULL, what text NOT NULL);
            INSERT INTO activities SELECT g, 'user' || (g % 2000), timestamptz '2024-01-01' + (g * 7919 % 200000) * interval '1 minute', 'w' || g
              FROM generate_series(1, 200000) g;
            CREATE TABLE visits (id bigint PRIMARY KEY, account_id int NOT NULL REFERENCES accounts, region text NOT NULL, seen_at timestamptz NOT NULL);
            INSERT INTO visits SELECT g, 1 + g % 2000, 'r' || (g % 40), timestamptz '2024-01-01' + g * interval '1 minute'
              FROM generate_series(1, 200000) g;
            CREATE TABLE tickets (id bigint PRIMARY KEY, subject text NOT NULL, opened_at timestamptz NOT NULL);
            INSERT INTO tickets SELECT g, 'subject ' || g, timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 100000) g;
            CREATE INDEX tickets_subject_idx ON tickets (opened_at);
            """);
        await ExecuteAsync("VACUUM ANALYZE");
    }
}

public sealed class ParameterAdviceTests(ParameterAdviceFixture database) : IClassFixture<ParameterAdviceFixture>
{
    private async Task<AdvisorResult> Advise(params string[] statements)
    {
        Skip.IfNot((await TestServer.GetAsync()).HypoPgAvailable, "hypopg is not installed on the test server");
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var workload = statements.Select(s => new WorkloadStatement { Text = s, Source = WorkloadSource.File }).ToList();
        return await new IndexAdvisor(dataSource).AdviseAsync(workload, new AdvisorOptions(), CancellationToken.None);
    }

    [SkippableFact]
    public async Task Two_partial_indexes_on_one_category_column_get_different_names_and_both_are_created()
    {
        var result = await Advise(
            "SELECT id, payload FROM jobs WHERE status = 'failed' ORDER BY queued_at DESC LIMIT 20",
            "SELECT id, payload FROM jobs WHERE status = 'pending' ORDER BY queued_at DESC LIMIT 20");

        var partials = result.Recommendations.Where(r => r.Index.Predicate is not null).ToList();
        Assert.Equal(2, partials.Count);
        Assert.NotEqual(partials[0].Index.Name, partials[1].Index.Name);
        foreach (var partial in partials)
        {
            await database.ExecuteAsync(partial.Index.CreateStatement);
            var definition = await database.ScalarAsync<string>($"SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = '{partial.Index.Name}'");
            Assert.Equal(partial.Index.ServerDefinition, definition);
        }

        foreach (var partial in partials)
        {
            await database.ExecuteAsync(partial.Index.DropStatement);
        }
    }

    [SkippableFact]
    public async Task A_name_an_existing_catalog_index_holds_is_not_reused()
    {
        var result = await Advise("SELECT * FROM tickets WHERE subject = $1");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["subject"], recommendation.Index.Keys);
        Assert.NotEqual("tickets_subject_idx", recommendation.Index.Name);
        Assert.StartsWith("tickets_subject_", recommendation.Index.Name, StringComparison.Ordinal);
        Assert.DoesNotContain("IF NOT EXISTS", recommendation.Index.CreateStatement, StringComparison.Ordinal);
        var finding = Assert.Single(AdvisorFindings.From(result));
        Assert.Contains($"indexname = '{recommendation.Index.Name}'", finding.Remedy!.Testing, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_literal_user_name_gets_a_composite_index_not_a_partial_one()
    {
        var result = await Advise("SELECT id, what FROM activities WHERE owner = 'user42' ORDER BY at DESC LIMIT 20");

        Assert.DoesNotContain(result.Candidates, c => c.Predicate is not null);
        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["owner", "at DESC"], recommendation.Index.Keys.Take(2));
    }

    [SkippableFact]
    public async Task A_literal_tenant_id_gets_a_composite_index_not_a_partial_one()
    {
        var result = await Advise("SELECT id, seen_at FROM visits WHERE account_id = 3 AND region = 'r3'");

        Assert.DoesNotContain(result.Candidates, c => c.Predicate is not null);
        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal(["account_id", "region"], recommendation.Index.Keys.Take(2));
    }

    [SkippableFact]
    public async Task A_rare_status_of_a_low_cardinality_column_still_gets_a_partial_index()
    {
        var result = await Advise("SELECT id, payload FROM jobs WHERE status = 'pending' ORDER BY queued_at LIMIT 50");

        var recommendation = Assert.Single(result.Recommendations);
        Assert.Equal("status = 'pending'::text", recommendation.Index.Predicate);
        Assert.Equal("jobs_queued_at_status_pending_idx", recommendation.Index.Name);
    }
}
