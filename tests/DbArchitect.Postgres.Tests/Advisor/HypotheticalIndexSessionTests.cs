using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Advisor;

public sealed class HypotheticalIndexFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE events (id bigint PRIMARY KEY, account int NOT NULL, kind text NOT NULL, at timestamptz NOT NULL);
        INSERT INTO events SELECT g, g % 5000, 'k' || (g % 20), now() - g * interval '1 second' FROM generate_series(1, 100000) g;
        ANALYZE events;
        """);
}

public sealed class HypotheticalIndexSessionTests(HypotheticalIndexFixture database) : IClassFixture<HypotheticalIndexFixture>
{
    private static readonly IndexCandidate OnAccount = new() { Schema = "public", Table = "events", Keys = ["account"] };

    [SkippableFact]
    public async Task A_hypothetical_index_changes_the_plan_in_a_read_only_session_and_writes_nothing()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        await using var session = await HypotheticalIndexSession.OpenAsync(dataSource, CancellationToken.None);
        Skip.If(session is null, "hypopg is not installed on the test server");

        var before = await session.PlanAsync("SELECT * FROM events WHERE account = $1", CancellationToken.None);
        var index = await session.CreateAsync(OnAccount, CancellationToken.None);
        var after = await session.PlanAsync("SELECT * FROM events WHERE account = $1", CancellationToken.None);

        Assert.Equal("Seq Scan", before.Plan.NodeType);
        Assert.Contains(after.Plan.DescendantsAndSelf(), n => n.IndexName?.StartsWith(index.PlanName, StringComparison.Ordinal) == true);
        Assert.True(after.Plan.TotalCost < before.Plan.TotalCost / 10);
        Assert.InRange(index.EstimatedBytes, 1_000_000, 10_000_000);

        await session.DropAsync(index, CancellationToken.None);
        var dropped = await session.PlanAsync("SELECT * FROM events WHERE account = $1", CancellationToken.None);
        Assert.Equal(before.Plan.TotalCost, dropped.Plan.TotalCost);
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE tablename = 'events'"));
    }

    [SkippableFact]
    public async Task Gin_is_refused_before_it_reaches_hypopg()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        await using var session = await HypotheticalIndexSession.OpenAsync(dataSource, CancellationToken.None);
        Skip.If(session is null, "hypopg is not installed on the test server");

        var gin = OnAccount with { Method = "gin", Keys = ["kind gin_trgm_ops"] };
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.CreateAsync(gin, CancellationToken.None));
    }
}
