using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sampling;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Sampling;

public sealed class RowSamplerTests(RowSamplerTests.SampleFixture samples) : IClassFixture<RowSamplerTests.SampleFixture>
{
    private const int SampleRows = 100;

    public sealed class SampleFixture : DatabaseFixture
    {
        public AnalysisFacts Facts { get; private set; } = null!;

        protected override async Task OnCreatedAsync()
        {
            await ExecuteAsync("""
                CREATE TABLE big ("Contact Id" int, phone1 text, phone2 text, photo bytea, essay text);
                INSERT INTO big SELECT g, '555-' || g, NULL, '\x00ff', repeat('x', 1000) FROM generate_series(1, 20000) g;
                CREATE TABLE small (id int, city text);
                INSERT INTO small VALUES (1, 'Oslo'), (2, 'Bergen'), (3, NULL);
                CREATE TABLE empty_table (id int);
                CREATE TABLE measurements (taken date, value float8) PARTITION BY RANGE (taken);
                CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                INSERT INTO measurements SELECT date '2026-01-01' + g % 300, g FROM generate_series(1, 50) g;
                CREATE VIEW small_view AS SELECT * FROM small;
                ANALYZE;
                """);
            await using var dataSource = TargetDataSource.Create(AdminConnectionString);
            Facts = await new FactsCollector(dataSource).CollectAsync(new RuleOptions { SampleRows = SampleRows }, CancellationToken.None);
        }

        public TableSample SampleOf(string table) =>
            Facts.Samples[Facts.Snapshot.Tables.Single(t => t.Name == table).Oid];

        public bool IsSampled(string table) =>
            Facts.Samples.ContainsKey(Facts.Snapshot.Tables.Single(t => t.Name == table).Oid);
    }

    [Fact]
    public async Task Sampling_a_whole_small_table_leaves_its_seq_scan_counter_alone()
    {
        Assert.True(samples.IsSampled("small"));

        // One sequential scan of our own, in a session that ends: once the server shows it, the
        // sampler's sessions (ended before) have reported theirs too.
        await using (var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(samples.AdminConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var scan = new Npgsql.NpgsqlCommand("SELECT count(*) FROM small", connection);
            await scan.ExecuteScalarAsync();
        }

        long scans = 0;
        for (var attempt = 0; attempt < 50 && scans == 0; attempt++)
        {
            await Task.Delay(100);
            await using var reader = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(samples.AdminConnectionString) { Pooling = false }.ConnectionString);
            await reader.OpenAsync();
            await using var read = new Npgsql.NpgsqlCommand("SELECT pg_stat_get_numscans('small'::regclass)", reader);
            scans = (long)(await read.ExecuteScalarAsync())!;
        }

        Assert.Equal(1, scans);
    }

    [Fact]
    public void Large_table_is_sampled_up_to_the_row_limit_with_bytea_left_out_and_long_text_cut()
    {
        var big = samples.SampleOf("big");
        Assert.Equal(["Contact Id", "phone1", "phone2", "essay"], big.Columns);
        Assert.InRange(big.Rows.Count, 1, SampleRows);
        Assert.All(big.Rows, row => Assert.Equal(SampleQuery.MaxTextLength, row[3]!.Length));
        Assert.All(big.Rows, row => Assert.Null(row[2]));
        Assert.All(big.Rows, row => Assert.Equal("555-" + row[0], row[1]));
    }

    [Fact]
    public void Small_table_is_read_whole_with_nulls_kept()
    {
        var small = samples.SampleOf("small");
        Assert.Equal(3, small.Rows.Count);
        Assert.Contains(small.Rows, row => row[0] == "3" && row[1] is null);
    }

    [Fact]
    public void Leaf_partitions_are_sampled_but_not_their_parent_nor_views_nor_empty_tables()
    {
        Assert.True(samples.IsSampled("measurements_2026"));
        Assert.False(samples.IsSampled("measurements"));
        Assert.False(samples.IsSampled("small_view"));
        Assert.False(samples.IsSampled("empty_table"));
    }

    [Fact]
    public async Task The_same_database_gives_the_same_sample()
    {
        await using var dataSource = TargetDataSource.Create(samples.AdminConnectionString);
        var again = await new RowSampler(dataSource).SampleAsync(samples.Facts.Snapshot, new RuleOptions { SampleRows = SampleRows }, CancellationToken.None);
        var first = samples.SampleOf("big").Rows.Select(r => r[0]);
        var second = again.ByTable[samples.SampleOf("big").TableOid].Rows.Select(r => r[0]);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Facts_carry_the_snapshot_and_the_options()
    {
        Assert.Equal(SampleRows, samples.Facts.Options.SampleRows);
        Assert.Contains(samples.Facts.Snapshot.Tables, t => t.Name == "big");
    }
}
