using Dapper;
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
    public PgStatStatements(TargetSession session)
        : this(session.DataSource)
    {
    }

    /// <summary>How many of the most expensive statements the workload reviews and the advisor take.</summary>
    public const int DefaultTop = 25;

    // PostgreSQL 13 renamed total_time to total_exec_time; the view is read through to_jsonb so one
    // query serves both without a version switch.
    private const string Query = """
        SELECT s.query,
               s.calls,
               coalesce((to_jsonb(s) ->> 'total_exec_time')::float8, (to_jsonb(s) ->> 'total_time')::float8, 0) AS totalms,
               s.rows,
               s.shared_blks_hit AS sharedblockshit,
               s.shared_blks_read AS sharedblocksread
        FROM pg_stat_statements s
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND s.query ~* '^\s*(select|with|insert|update|delete|merge|table|values)\M'
          AND s.query !~* 'pg_stat_statements|pg_catalog\.|information_schema\.|\mpg_(type|namespace|class|proc|range|attribute|stat_force_next_flush)\M|\mto_regclass\(|^\s*select\s+version\(\)'
          AND strpos(s.query, @marker) = 0
        ORDER BY totalms DESC, s.calls DESC
        LIMIT @limit
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

        try
        {
            var rows = await connection.QueryAsync<StatementRow>(new CommandDefinition(Query, new { limit = limit * 4, marker = ToolMarker.Comment }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new StatementStatistics([.. rows.Where(r => !CatalogOnlyStatement.IsCatalogOnly(r.Query)).Take(limit).Select(r => r.ToStatement())], StatementStatisticsState.Read);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            return StatementStatistics.Unavailable(StatementStatisticsState.NotLoaded);
        }
    }

    /// <summary>One row of the query above, mapped by Dapper, whose names match the columns' aliases ignoring case.</summary>
    private sealed record StatementRow
    {
        public required string Query { get; init; }
        public long Calls { get; init; }
        public double TotalMs { get; init; }
        public long Rows { get; init; }
        public long SharedBlocksHit { get; init; }
        public long SharedBlocksRead { get; init; }

        public WorkloadStatement ToStatement() => new()
        {
            Text = Query,
            Source = WorkloadSource.PgStatStatements,
            Calls = Calls,
            TotalTimeMs = TotalMs,
            Rows = Rows,
            SharedBlocksHit = SharedBlocksHit,
            SharedBlocksRead = SharedBlocksRead,
        };
    }
}
