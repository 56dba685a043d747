using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Explain.Constants;

/// <summary>Values whose array text needs quoting and escaping, so pg_stats' lists must be parsed, not split.</summary>
public sealed class AwkwardValuesFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE labels (label text, n int);
        INSERT INTO labels
            SELECT (ARRAY['a,b', 'say "hi"', 'back\slash', 'NULL', '{braces}', ' padded ', ''])[1 + g % 7], g
            FROM generate_series(1, 7000) g;
        INSERT INTO labels SELECT NULL, g FROM generate_series(7001, 8000) g;
        ANALYZE labels;
        """);
}

public sealed class ColumnDistributionTests(AwkwardValuesFixture database) : IClassFixture<AwkwardValuesFixture>
{
    private async Task<ColumnDistribution?> ReadAsync(string column)
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        return await ColumnDistribution.ReadAsync(dataSource, "public", "labels", column, CancellationToken.None);
    }

    [Fact]
    public async Task Most_common_values_with_commas_quotes_backslashes_and_the_word_NULL_are_read_as_written()
    {
        var distribution = (await ReadAsync("label"))!;

        Assert.Equal(["", " padded ", "NULL", "a,b", "back\\slash", "say \"hi\"", "{braces}"], distribution.MostCommonValues.Order(StringComparer.Ordinal));
        Assert.Equal(7, distribution.MostCommonFrequencies.Count);
        Assert.InRange(distribution.NullFraction, 0.1, 0.15);
        Assert.Empty(distribution.HistogramBounds);
    }

    [Fact]
    public async Task Column_of_distinct_values_has_an_ascending_histogram_and_no_common_values()
    {
        var distribution = (await ReadAsync("n"))!;

        Assert.Empty(distribution.MostCommonValues);
        var bounds = distribution.HistogramBounds.Select(int.Parse).ToList();
        Assert.True(bounds.Count > 10);
        Assert.Equal(bounds.Order(), bounds);
        Assert.InRange(distribution.DistinctValues, 7000, 9000);
    }

    [Fact]
    public async Task Column_that_does_not_exist_has_no_distribution() =>
        Assert.Null(await ReadAsync("missing"));
}
