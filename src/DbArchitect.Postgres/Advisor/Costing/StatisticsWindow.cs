using Npgsql;

namespace DbArchitect.Postgres.Advisor.Costing;

/// <summary>
/// How much of the tables' write counters falls into the window the statement counters cover.
/// pg_stat_user_tables counts since the database's statistics were last reset (often the bulk
/// load, long ago); pg_stat_statements since its own reset. Writes are weighed against calls only
/// over the same stretch of time, so the table counts are scaled by the ratio of the two windows.
/// </summary>
internal static class StatisticsWindow
{
    private const string Query = """
        SELECT extract(epoch FROM now() - (SELECT stats_reset FROM pg_stat_statements_info)),
               extract(epoch FROM now() - coalesce((SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()), pg_postmaster_start_time()))
        """;

    /// <summary>The fraction (0–1] of counted table writes that happened while the workload's calls were counted; 1 when unknown.</summary>
    public static async Task<double> WriteShareAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(Query);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0) || reader.IsDBNull(1))
            {
                return 1;
            }

            var statements = Convert.ToDouble(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            var tables = Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            return tables <= 0 ? 1 : Math.Clamp(statements / tables, 0, 1);
        }
        catch (PostgresException e) when (e.SqlState is "42P01" or "42501" or "55000")
        {
            // No pg_stat_statements_info (before PostgreSQL 14, or the extension is absent): no scaling.
            return 1;
        }
    }
}
