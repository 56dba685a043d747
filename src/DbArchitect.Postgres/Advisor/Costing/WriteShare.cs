using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;
using Npgsql;

namespace DbArchitect.Postgres.Advisor.Costing;

/// <summary>
/// How much of the tables' write counters falls into the window the statement counters cover.
/// pg_stat_user_tables counts since the database's statistics were last reset (often the bulk
/// load, long ago); pg_stat_statements since its own reset. Writes are weighed against calls only
/// over the same stretch of time, so the table counts are scaled by the ratio of the two windows.
/// </summary>
internal static class WriteShare
{
    /// <summary>The fraction (0–1] of counted table writes that happened while the workload's calls were counted; 1 when unknown.</summary>
    public static async Task<double> ReadAsync(NpgsqlDataSource dataSource, CatalogSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT stats_reset FROM pg_stat_statements_info");
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not DateTime reset)
            {
                return 1;
            }

            var now = snapshot.Server.SnapshotTakenAt;
            var statements = (now - new DateTimeOffset(DateTime.SpecifyKind(reset, DateTimeKind.Utc))).TotalSeconds;
            var tables = (now - StatisticsWindow.Since(snapshot.Server)).TotalSeconds;
            return tables <= 0 ? 1 : Math.Clamp(statements / tables, 0, 1);
        }
        catch (PostgresException e) when (e.SqlState is "42P01" or "42501" or "55000")
        {
            // No pg_stat_statements_info (before PostgreSQL 14, or the extension is absent): no scaling.
            return 1;
        }
    }
}
