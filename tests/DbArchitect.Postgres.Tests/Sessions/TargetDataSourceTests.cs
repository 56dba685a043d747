using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Sessions;

public sealed class TargetDataSourceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Writes_through_the_target_session_are_refused_by_the_server()
    {
        await database.ExecuteAsync("CREATE TABLE IF NOT EXISTS guarded (id int)");
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO guarded VALUES (1)", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal("25006", error.SqlState); // read_only_sql_transaction
    }

    [Fact]
    public async Task Target_session_carries_timeouts_and_application_name()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('default_transaction_read_only'), current_setting('statement_timeout'), current_setting('lock_timeout'), current_setting('idle_in_transaction_session_timeout'), current_setting('application_name')",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("on", reader.GetString(0));
        Assert.Equal("30s", reader.GetString(1));
        Assert.Equal("2s", reader.GetString(2));
        Assert.Equal("1min", reader.GetString(3));
        Assert.Equal("dbarch", reader.GetString(4));
    }
}
