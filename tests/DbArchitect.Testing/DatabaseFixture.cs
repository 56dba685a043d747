using DbArchitect.Postgres.Catalog;
using Npgsql;
using Xunit;

namespace DbArchitect.Testing;

/// <summary>
/// A fresh database per test class on the run's one <see cref="TestServer"/>, with
/// pg_stat_statements (and hypopg when installed) created. Tests write their fixtures through
/// <see cref="ExecuteAsync"/> as the superuser, then read through the product's read-only session.
/// </summary>
public class DatabaseFixture : IAsyncLifetime
{
    private TestServer? _server;

    public string DatabaseName { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    public TestServer Server => _server ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>Superuser connection string to this fixture's database (writes allowed: for building fixtures only).</summary>
    public string AdminConnectionString => Server.ConnectionString(DatabaseName);

    public async Task InitializeAsync()
    {
        _server = await TestServer.GetAsync().ConfigureAwait(false);
        await using (var admin = new NpgsqlConnection(_server.AdminConnectionString))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {SqlIdentifier.Quote(DatabaseName)}", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var extensions = _server.HypoPgAvailable
            ? "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE EXTENSION IF NOT EXISTS hypopg;"
            : "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;";
        await ExecuteAsync(extensions).ConfigureAwait(false);
        await OnCreatedAsync().ConfigureAwait(false);
    }

    /// <summary>Override to load a schema once per test class.</summary>
    protected virtual Task OnCreatedAsync() => Task.CompletedTask;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>First column of the first row, read as superuser (for assertions about what a test left behind).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    public virtual async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server.AdminConnectionString);
        await admin.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {SqlIdentifier.Quote(DatabaseName)} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        foreach (var role in ClusterRoles)
        {
            await using var dropRole = new NpgsqlCommand($"DROP ROLE IF EXISTS {SqlIdentifier.Quote(role)}", admin);
            await dropRole.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Roles the fixture creates. Roles belong to the whole cluster the test classes share, so
    /// their names should start with <see cref="DatabaseName"/>; they are dropped after the database.
    /// </summary>
    protected virtual IReadOnlyList<string> ClusterRoles => [];
}
