using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Catalog;

public sealed class RoundTripTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Snapshot_takes_as_many_round_trips_for_60_tables_as_for_3()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var reader = new CatalogReader(dataSource);

        await database.ExecuteAsync(Tables(0, 3));
        var few = await reader.ReadAsync(CancellationToken.None);
        await database.ExecuteAsync(Tables(3, 60));
        var many = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(3, few.Tables.Count);
        Assert.Equal(60, many.Tables.Count);
        Assert.Equal(180, many.Indexes.Count);
        Assert.Equal(few.RoundTrips, many.RoundTrips);
        Assert.InRange(many.RoundTrips, 1, 6);
    }

    private static string Tables(int from, int to) => string.Concat(Enumerable.Range(from, to - from).Select(n => $"""
        CREATE TABLE t{n} (id int PRIMARY KEY, parent_id int REFERENCES t{Math.Max(0, n - 1)} (id), code text);
        CREATE INDEX t{n}_parent ON t{n} (parent_id);
        CREATE INDEX t{n}_code ON t{n} (code);

        """));
}
