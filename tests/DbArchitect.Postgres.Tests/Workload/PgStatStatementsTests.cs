using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Workload;

public sealed class PgStatStatementsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Top_statements_and_an_n_plus_one_loop_are_read_from_pg_stat_statements()
    {
        await database.ExecuteAsync("""
            CREATE TABLE authors (id int PRIMARY KEY, name text);
            INSERT INTO authors SELECT g, 'author ' || g FROM generate_series(1, 2000) g;
            """);
        await using (var connection = new NpgsqlConnection(database.AdminConnectionString))
        {
            await connection.OpenAsync();
            for (var id = 1; id <= 1200; id++)
            {
                await using var lookup = new NpgsqlCommand("SELECT name FROM authors WHERE id = $1", connection) { Parameters = { new NpgsqlParameter { Value = id } } };
                await lookup.ExecuteScalarAsync();
            }

            await using var bulk = new NpgsqlCommand("SELECT count(*) FROM authors WHERE name LIKE 'author 1%'", connection);
            await bulk.ExecuteScalarAsync();
        }

        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var statistics = await new PgStatStatements(dataSource).ReadTopAsync(50, CancellationToken.None);

        Assert.Equal(StatementStatisticsState.Read, statistics.State);
        var workload = statistics.Statements;
        var loop = Assert.Single(workload, s => s.Text == "SELECT name FROM authors WHERE id = $1");
        Assert.Equal(1200, loop.Calls);
        Assert.Equal(1200, loop.Rows);
        var finding = Assert.Single(NPlusOneDetector.Detect(workload));
        Assert.Equal("n-plus-one", finding.RuleId);
        Assert.Contains(finding.Evidence, e => e.Label == "calls" && e.Value == "1,200");
        Assert.DoesNotContain(workload, s => s.Text.Contains("pg_stat_statements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_extension_created_but_not_preloaded_reads_as_refused_not_as_an_empty_workload()
    {
        var options = new ScratchClusterOptions();
        options.ExtraSettings.Add("shared_preload_libraries = ''");
        await using var cluster = await ScratchCluster.StartAsync(options, CancellationToken.None);
        var connectionString = await cluster.CreateDatabaseAsync("not_preloaded", CancellationToken.None);
        await using var dataSource = TargetDataSource.Create(connectionString);
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        await using (var drop = new NpgsqlCommand("DROP EXTENSION IF EXISTS pg_stat_statements", admin))
        {
            await drop.ExecuteNonQueryAsync();
        }

        var before = await new PgStatStatements(dataSource).ReadTopAsync(10, CancellationToken.None);
        await using (var create = new NpgsqlCommand("CREATE EXTENSION pg_stat_statements", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        var after = await new PgStatStatements(dataSource).ReadTopAsync(10, CancellationToken.None);

        Assert.Equal(StatementStatisticsState.NotInstalled, before.State);
        Assert.Equal(StatementStatisticsState.NotLoaded, after.State);
        Assert.Empty(after.Statements);
        Assert.StartsWith("pg_stat_statements: refused (created but not loaded", after.Describe(ownStatementsOnly: false), StringComparison.Ordinal);
    }
}
