using DbArchitect.Postgres.Demo;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Design;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Sessions;
using Npgsql;
using Xunit.Abstractions;

namespace DbArchitect.Postgres.Tests.Demo;

/// <summary>Checks what the analysis will find in the demo, loaded once for the class by <see cref="DemoDatabaseFixture"/>.</summary>
public sealed class DemoDatabaseTests(DemoDatabaseFixture demo, ITestOutputHelper output) : IClassFixture<DemoDatabaseFixture>
{
    private readonly string _connectionString = demo.ConnectionString;

    [Fact]
    public void Demo_loads_within_a_generous_bound()
    {
        // Reported, not asserted: the fixture's five-minute cancellation is the only limit.
        output.WriteLine($"demo loaded in {demo.LoadTime.TotalSeconds:F1} s");
        Assert.True(demo.LoadTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Demo_loads_into_shop_demo_with_every_table_of_the_shop()
    {
        var tables = await QueryAsync<string>("SELECT relname FROM pg_stat_user_tables ORDER BY relname COLLATE \"C\"");

        Assert.Equal(DemoDatabase.DatabaseName, new NpgsqlConnectionStringBuilder(_connectionString).Database);
        Assert.Equal(
            ["OrderNotes", "cart_items", "categories", "coupon_redemptions", "customers", "events", "order_items", "orders",
             "page_views", "payments", "products", "shipment", "tenants", "wishlists"],
            tables);
    }

    [Theory]
    [InlineData("customers", 20_000, 20_000)]
    [InlineData("products", 2_000, 2_000)]
    [InlineData("orders", 40_000, 40_100)]
    [InlineData("order_items", 120_000, 120_000)]
    [InlineData("events", 200_000, 201_000)]
    [InlineData("cart_items", 15_000, 25_000)]
    public async Task Demo_tables_hold_realistic_row_counts(string table, long min, long max)
    {
        var count = (await QueryAsync<long>($"SELECT count(*) FROM {table}")).Single();

        Assert.InRange(count, min, max);
    }

    [Fact]
    public async Task Demo_data_are_the_same_on_every_load()
    {
        var fingerprint = (await QueryAsync<string>("SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM orders AS o WHERE id <= 40000")).Single();

        Assert.Equal("cba8fd162da8feed3f20807ef283ae0e", fingerprint);
    }

    [Fact]
    public async Task Demo_leaves_an_invalid_index_dead_tuples_and_a_far_along_sequence()
    {
        var invalid = await QueryAsync<string>("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid");
        var deadTuples = (await QueryAsync<long>("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'cart_items'")).Single();
        var sequenceValue = (await QueryAsync<long>("SELECT last_value FROM orders_id_seq")).Single();

        Assert.Equal(["customers_email_key"], invalid);
        Assert.True(deadTuples > 5_000, $"cart_items has {deadTuples} dead tuples");
        Assert.InRange(sequenceValue, (long)(int.MaxValue * 0.8), int.MaxValue);
    }

    [Fact]
    public async Task Demo_workload_shows_in_statement_and_index_statistics()
    {
        var orderLookups = (await QueryAsync<long>("SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE query = 'SELECT id, status, total_amount FROM orders WHERE id = $1'")).Single();
        var used = await QueryAsync<string>("SELECT indexrelname FROM pg_stat_user_indexes WHERE idx_scan > 0");
        var unused = await QueryAsync<string>("SELECT indexrelname FROM pg_stat_user_indexes WHERE idx_scan = 0");

        Assert.Equal(300, orderLookups);
        Assert.Contains("orders_pkey", used);
        Assert.Contains("customers_last_name_idx", unused);
    }

    [Fact]
    public async Task Demo_orders_copy_the_customers_city_through_customer_id_on_a_tablesample()
    {
        await using var target = TargetDataSource.Create(_connectionString);
        var facts = await new FactsCollector(target).CollectAsync(new RuleOptions(), CancellationToken.None);

        var finding = Assert.Single(new DenormalisedCopyRule().Evaluate(facts));
        Assert.Equal("public.orders(customer_city)", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Label == "match rate" && e.Value.StartsWith("100% (", StringComparison.Ordinal));
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
