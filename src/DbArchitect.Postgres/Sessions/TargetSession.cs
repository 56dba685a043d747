using Npgsql;

namespace DbArchitect.Postgres.Sessions;

/// <summary>
/// The read-only session on a target as the engine-neutral layers hold it: Agent and the hosts
/// open it, hand it to this engine's services and dispose of it, and never see a driver type.
/// Every physical connection starts read-only with timeouts (see <see cref="TargetDataSource"/>).
/// </summary>
public sealed class TargetSession : IAsyncDisposable
{
    private TargetSession(string connectionString, NpgsqlDataSource dataSource) => (ConnectionString, DataSource) = (connectionString, dataSource);

    /// <summary>The target as the user named it: what pg_dump and the scratch copy read.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the facts come from, for people: host/database, never the password.</summary>
    public string Description => TargetDataSource.Describe(ConnectionString);

    /// <summary>The driver's data source, for this engine's services and tests.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <exception cref="Core.Failures.DbArchitectException">The connection string cannot be read (usage).</exception>
    public static TargetSession Open(string connectionString, TargetSessionOptions? options = null) =>
        new(connectionString, TargetDataSource.Create(connectionString, options));

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
