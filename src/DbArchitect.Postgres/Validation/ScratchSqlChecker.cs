using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Validation.OnDemand;
using Npgsql;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// Asks PostgreSQL itself whether each SQL block of a TODO is valid, on a scratch database that
/// carries the target's schema (see <see cref="SchemaCloner"/>). Each block runs in its own
/// transaction that is always rolled back, so one failing block neither hides the others nor
/// leaves anything behind:
/// <list type="bullet">
/// <item><c>CONCURRENTLY</c> is dropped from CREATE/DROP/REINDEX INDEX and DETACH PARTITION, which
/// a transaction block refuses; the statement is otherwise the same.</item>
/// <item>Transaction control (BEGIN, COMMIT, ROLLBACK, …) is skipped: it would end the checker's own
/// transaction.</item>
/// <item>VACUUM, ALTER SYSTEM, CREATE/DROP DATABASE and REINDEX SCHEMA/DATABASE/SYSTEM cannot run in a
/// transaction at all; they are checked on their parse tree, and the tables, schemas and settings
/// they name are looked up on the scratch database at that point of the block. Replication-slot
/// functions are checked the same way: slots belong to the target's cluster and are not copied.</item>
/// <item>A query or DML statement with <c>$n</c> placeholders (a query rewrite, written as the
/// application sends it) is prepared, not run: that checks it without values.</item>
/// <item>A block of comments only is accepted. COPY from STDIN or to STDOUT is accepted without being
/// run (the checker has no data stream); COPY … PROGRAM is refused (it would run a shell command).</item>
/// </list>
/// The scratch database is written to as a superuser inside those transactions: never point
/// this checker at a database that is not scratch. Sequence values drawn by a block are not
/// rolled back (PostgreSQL never rolls them back).
/// </summary>
public sealed class ScratchSqlChecker : ISqlChecker, IAsyncDisposable
{
    private const int StatementsPerRoundTrip = 50;

    private readonly NpgsqlDataSource _dataSource;
    private readonly OnDemandCopy? _copy;
    private int _statementsRun;
    private int _statementsByAnalogy;

    /// <param name="scratchConnectionString">A scratch database with the target's schema.</param>
    public ScratchSqlChecker(string scratchConnectionString)
    {
        // The failed statement of a batch is what an error message names.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(scratchConnectionString) { IncludeFailedBatchedCommand = true });
    }

    /// <summary>
    /// A checker on a copy that takes on the schema as blocks need it. Large same-shape index
    /// scripts are proven on a spread of their statements and the rest by analogy
    /// (<see cref="SameShapeAnalogy"/>); a block refused on a partial copy is run again once the
    /// whole schema is there, so only the whole schema's refusals are reported.
    /// </summary>
    public ScratchSqlChecker(OnDemandCopy copy)
        : this(copy?.ConnectionString ?? throw new ArgumentNullException(nameof(copy)))
    {
        _copy = copy;
    }

    /// <summary>Statements executed on the copy by the blocks that passed.</summary>
    public int StatementsRun => _statementsRun;

    /// <summary>Statements of blocks that passed accepted by analogy with same-shape statements that ran.</summary>
    public int StatementsByAnalogy => _statementsByAnalogy;

    /// <summary>How long one statement may run before the server cancels it. Default 5 s.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<SqlCheckError>> CheckAsync(IReadOnlyList<SqlBlock> blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var errors = new List<SqlCheckError>();
        foreach (var block in blocks)
        {
            if (await CheckBlockAsync(block.Sql, cancellationToken).ConfigureAwait(false) is { } message)
            {
                errors.Add(new SqlCheckError(block.Origin, message));
            }
        }

        return errors;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<string?> CheckBlockAsync(string sql, CancellationToken cancellationToken)
    {
        // Each statement is parsed on its own, and one script may hold tens of thousands.
        var statements = SqlScript.Split(sql).AsParallel().AsOrdered().Select(ClassifiedStatement.Of).Where(s => s.Treatment != StatementTreatment.TransactionControl).ToList();
        if (statements.Count == 0)
        {
            return null;
        }

        if (_copy is null)
        {
            return Counted(statements.Count, 0, await RunBlockAsync(statements, cancellationToken).ConfigureAwait(false));
        }

        var (run, byAnalogy) = SameShapeAnalogy.Choose(statements, _copy.Schema);
        var reloads = _copy.Reloads;
        try
        {
            await _copy.EnsureAsync(run.SelectMany(s => s.Relations), cancellationToken).ConfigureAwait(false);
            ForgetSessionsIfReloaded(reloads);
            var refused = await RunBlockAsync(run, cancellationToken).ConfigureAwait(false);
            if (refused is not null && !_copy.Complete)
            {
                await _copy.LoadRestAsync(cancellationToken).ConfigureAwait(false);
                ForgetSessionsIfReloaded(reloads);
                refused = await RunBlockAsync(run, cancellationToken).ConfigureAwait(false);
            }

            return Counted(run.Count, byAnalogy, refused);
        }
        catch (Scratch.ScratchClusterException e)
        {
            return $"not checked: {e.Message}";
        }
    }

    // A copy made afresh ended the sessions this checker's pool holds.
    private void ForgetSessionsIfReloaded(int reloadsBefore)
    {
        if (_copy?.Reloads != reloadsBefore)
        {
            _dataSource.Clear();
        }
    }

    private string? Counted(int run, int byAnalogy, string? refused)
    {
        if (refused is null)
        {
            Interlocked.Add(ref _statementsRun, run);
            Interlocked.Add(ref _statementsByAnalogy, byAnalogy);
        }

        return refused;
    }

    private async Task<string?> RunBlockAsync(IReadOnlyList<ClassifiedStatement> statements, CancellationToken cancellationToken)
    {
        // A connection per block: a block that breaks its session cannot spoil the next one.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var timeout = (int)StatementTimeout.TotalMilliseconds;
            await ExecuteAsync(connection, $"SET LOCAL statement_timeout = {timeout}", cancellationToken).ConfigureAwait(false);
            var run = new List<ClassifiedStatement>(StatementsPerRoundTrip);
            foreach (var statement in statements)
            {
                if (statement.Treatment == StatementTreatment.Runs)
                {
                    run.Add(statement);
                    if (run.Count == StatementsPerRoundTrip && await RunAsync(connection, run, cancellationToken).ConfigureAwait(false) is { } refused)
                    {
                        return refused;
                    }

                    continue;
                }

                if (await RunAsync(connection, run, cancellationToken).ConfigureAwait(false) is { } earlier)
                {
                    return earlier;
                }

                if (await CheckStatementAsync(connection, statement, cancellationToken).ConfigureAwait(false) is { } message)
                {
                    return $"{message} (in: {SqlScript.Excerpt(statement.Text)})";
                }
            }

            return await RunAsync(connection, run, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A block may have ended its own session (pg_terminate_backend); nothing is left to roll back then.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<string?> CheckStatementAsync(NpgsqlConnection connection, ClassifiedStatement statement, CancellationToken cancellationToken)
    {
        try
        {
            switch (statement.Treatment)
            {
                case StatementTreatment.ProgramCopy:
                    return "COPY ... PROGRAM runs a shell command on the server; the checker does not run it";
                case StatementTreatment.Parameterised:
                    // Values for $n are the application's; preparing the statement checks names, types and syntax without them.
                    await ExecuteAsync(connection, $"PREPARE dbarch_check AS {statement.Runnable}", cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, "DEALLOCATE dbarch_check", cancellationToken).ConfigureAwait(false);
                    return null;
                case StatementTreatment.OutsideTransaction when statement.OutsideTransaction is { } verdict:
                    return verdict.Error ?? await MissingObjectAsync(connection, verdict, cancellationToken).ConfigureAwait(false);
                default:
                    return null;
            }
        }
        catch (Exception e) when (Refusal(e) is { } message)
        {
            return message;
        }
    }

    /// <summary>
    /// Runs statements that need nothing but running in one round trip: a block of thousands of
    /// them (one item creating an index per table) otherwise spends more time waiting for replies
    /// than the server spends on them. Empties <paramref name="run"/> when the server accepts them all.
    /// </summary>
    /// <returns>The server's message on the first statement it refuses, with that statement.</returns>
    private async Task<string?> RunAsync(NpgsqlConnection connection, List<ClassifiedStatement> run, CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return null;
        }

        await using var batch = new NpgsqlBatch(connection) { Timeout = BackstopSeconds * run.Count };
        foreach (var statement in run)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Runnable));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            run.Clear();
            return null;
        }
        catch (Exception e) when (Refusal(e) is { } message)
        {
            // Only the client-side backstop leaves the statement unknown; the server names the one it refused.
            var at = e is PostgresException { BatchCommand: { } command } ? batch.BatchCommands.IndexOf(command) : -1;
            return at >= 0
                ? $"{message} (in: {SqlScript.Excerpt(run[at].Text)})"
                : $"{message} (in one of {run.Count} statements from: {SqlScript.Excerpt(run[0].Text)})";
        }
    }

    private string? Refusal(Exception e) => e switch
    {
        PostgresException { Position: > 0 } server => $"{server.MessageText} at character {server.Position}",
        PostgresException server => server.MessageText,
        NpgsqlException { InnerException: TimeoutException } => $"did not finish within {StatementTimeout.TotalSeconds:0} s",
        _ => null,
    };

    private static async Task<string?> MissingObjectAsync(NpgsqlConnection connection, NonTransactionalStatement.Verdict verdict, CancellationToken cancellationToken)
    {
        foreach (var relation in verdict.Relations)
        {
            if (!await ExistsAsync(connection, "SELECT to_regclass($1) IS NOT NULL", relation, cancellationToken).ConfigureAwait(false))
            {
                return $"relation {relation} does not exist";
            }
        }

        foreach (var schema in verdict.Schemas)
        {
            if (!await ExistsAsync(connection, "SELECT to_regnamespace($1) IS NOT NULL", schema, cancellationToken).ConfigureAwait(false))
            {
                return $"schema {schema} does not exist";
            }
        }

        if (verdict.Setting is { } setting
            && !await ExistsAsync(connection, "SELECT EXISTS (SELECT FROM pg_settings WHERE name = $1)", setting, cancellationToken).ConfigureAwait(false))
        {
            return $"unrecognized configuration parameter \"{setting}\"";
        }

        return null;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    // The client-side limit is a backstop in case a block turns the server's statement_timeout off.
    private int BackstopSeconds => (int)Math.Ceiling(StatementTimeout.TotalSeconds) * 2;

    private Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken) =>
        SingleStatement.ExecuteAsync(connection, sql, BackstopSeconds, cancellationToken);

}
