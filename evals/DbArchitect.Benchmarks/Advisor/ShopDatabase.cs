using Npgsql;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>Loads schema.sql (tables, skewed data) into a scratch database and vacuums it, as a settled production table would be.</summary>
internal static class ShopDatabase
{
    public static async Task BuildAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The scratch server commits asynchronously; until the load's commit record is flushed,
        // VACUUM may neither set hint bits nor mark a page all-visible, and which tables it reaches
        // in time varied from run to run. A synchronous commit makes the vacuum below take on every table.
        await ExecuteAsync(connection, "SET synchronous_commit = on", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, await EmbeddedScript.ReadAsync("schema.sql", cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

        // A vacuumed visibility map lets the planner price index-only scans as a live system would.
        await ExecuteAsync(connection, "VACUUM (ANALYZE)", cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
