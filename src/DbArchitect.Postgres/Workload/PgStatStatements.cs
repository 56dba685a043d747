using DbArchitect.Postgres.Sessions;
using Npgsql;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// The top statements of this database by total execution time, from pg_stat_statements. Statements
/// that read only system catalogs (drivers loading types, tools probing for objects, pg_dump) are not
/// the application's workload and are left out: the cheap text filter below first, then the parse
/// tree (<see cref="CatalogOnlyStatement"/>), reading four times the limit to make up for them.
/// </summary>
public sealed class PgStatStatements(NpgsqlDataSource dataSource)
{
    /// <summary>How many of the most expensive statements the workload reviews and the advisor take.</summary>
    public const int DefaultTop = 25;

    // PostgreSQL 13 renamed total_time to total_exec_time; the view is read through to_jsonb so one
    // query serves both without a version switch.
    private const string Query = """
        SELECT s.query,
               s.calls,
               coalesce((to_jsonb(s) ->> 'total_exec_time')::float8, (to_jsonb(s) ->> 'total_time')::float8, 0) AS total_ms,
               s.rows,
               s.shared_blks_hit,
               s.shared_blks_read
        FROM pg_stat_statements s
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND s.query ~* '^\s*(select|with|insert|update|delete|merge|table|values)\M'
          AND s.query !~* 'pg_stat_statements|pg_catalog\.|information_schema\.|\mpg_(type|namespace|class|proc|range|attribute|stat_force_next_flush)\M|\mto_regclass\(|^\s*select\s+version\(\)'
          AND strpos(s.query, $2) = 0
        ORDER BY total_ms DESC, s.calls DESC
        LIMIT $1
        """;

    public async Task<StatementStatistics> ReadTopAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var probe = new NpgsqlCommand("SELECT to_regclass('pg_stat_statements') IS NOT NULL", connection))
        {
            if (!(bool)(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return StatementStatistics.Unavailable(StatementStatisticsState.NotInstalled);
            }
        }

        await using var command = new NpgsqlCommand(Query, connection) { Parameters = { new NpgsqlParameter { Value = limit * 4 }, new NpgsqlParameter { Value = ToolMarker.Comment } } };
        try
        {
            return new StatementStatistics(await ReadAsync(command, limit, cancellationToken).ConfigureAwait(false), StatementStatisticsState.Read);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            return StatementStatistics.Unavailable(StatementStatisticsState.NotLoaded);
        }
    }

    private static async Task<List<WorkloadStatement>> ReadAsync(NpgsqlCommand command, int limit, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var statements = new List<WorkloadStatement>();
        while (statements.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (CatalogOnlyStatement.IsCatalogOnly(reader.GetString(0)))
            {
                continue;
            }

            statements.Add(new WorkloadStatement
            {
                Text = reader.GetString(0),
                Source = WorkloadSource.PgStatStatements,
                Calls = reader.GetInt64(1),
                TotalTimeMs = reader.GetDouble(2),
                Rows = reader.GetInt64(3),
                SharedBlocksHit = reader.GetInt64(4),
                SharedBlocksRead = reader.GetInt64(5),
            });
        }

        return statements;
    }
}
