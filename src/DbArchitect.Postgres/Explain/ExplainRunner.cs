using System.Globalization;
using DbArchitect.Postgres.Explain.Volatility;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Validation;
using Npgsql;
using NpgsqlTypes;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Explain;

/// <summary>
/// Plans statements on a target, and runs them with ANALYZE only when that cannot change anything:
/// a single statement (sent through the extended protocol, so the server refuses a second one),
/// whose plan modifies no table and whose functions cannot act (<see cref="ExecutionGuard"/>), inside a READ ONLY transaction that is always rolled back, under
/// the session's statement_timeout.
/// </summary>
public sealed class ExplainRunner(NpgsqlDataSource dataSource)
{
    public ExplainRunner(TargetSession session)
        : this(session.DataSource)
    {
    }

    private const string PreparedName = "dbarch_explain";

    public async Task<ExplainResult> ExplainAsync(string statement, ExplainOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ExplainOnAsync(connection, statement, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Explains on a connection the caller holds, for session state a plan must see: hypopg's
    /// hypothetical indexes live in one backend only.
    /// </summary>
    public static async Task<ExplainResult> ExplainOnAsync(NpgsqlConnection connection, string statement, ExplainOptions options, CancellationToken cancellationToken)
    {
        var sql = TypedPlaceholders.Rewrite(TrimStatement(statement));
        var placeholders = PlaceholderCount(sql);
        if (options.Parameters is { } given && given.Count != placeholders)
        {
            throw new ExplainRefusedException($"the statement has {placeholders} placeholders but {given.Count} values were given");
        }

        var generic = placeholders > 0 && options.Parameters is null;
        if (options.Analyze && generic)
        {
            throw new ExplainRefusedException("EXPLAIN ANALYZE needs values for $1…$n; without them only a generic plan can be shown");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "SET TRANSACTION READ ONLY", cancellationToken).ConfigureAwait(false);
            var (plan, assumed) = await PlanAsync(connection, sql, "FORMAT JSON, VERBOSE, SETTINGS", generic, placeholders, options, cancellationToken).ConfigureAwait(false);
            var result = PlanJsonReader.Read(sql, plan, analyzed: false) with { AssumedPlaceholderType = assumed };
            if (!options.Analyze)
            {
                return result;
            }

            if (result.Plan.DescendantsAndSelf().Any(node => node.NodeType == "ModifyTable"))
            {
                throw new ExplainRefusedException("refused: EXPLAIN ANALYZE runs only read-only statements, and this one modifies data");
            }

            if (await ExecutionGuard.RefusalAsync(connection, sql, plan, cancellationToken).ConfigureAwait(false) is { } acting)
            {
                throw new ExplainRefusedException($"not executed: {acting}; planned only");
            }

            var (analyzed, _) = await PlanAsync(connection, sql, "FORMAT JSON, VERBOSE, SETTINGS, ANALYZE, BUFFERS, WAL", generic: false, placeholders, options, cancellationToken).ConfigureAwait(false);
            return PlanJsonReader.Read(sql, analyzed, analyzed: true);
        }
        catch (PostgresException e) when (Refusal(e) is { } message)
        {
            throw new ExplainRefusedException(message);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <returns>The plan's JSON, and the type assumed for placeholders the statement leaves untyped (null when none was).</returns>
    private static async Task<(string Plan, string? AssumedType)> PlanAsync(NpgsqlConnection connection, string sql, string explainOptions, bool generic, int placeholders, ExplainOptions options, CancellationToken cancellationToken)
    {
        if (!generic)
        {
            var parameters = (options.Parameters ?? []).Select(value => Parameter(value, options.ParametersAsLiterals)).ToList();
            return (await ScalarAsync(connection, $"EXPLAIN ({explainOptions}) {sql}", parameters, cancellationToken).ConfigureAwait(false), null);
        }

        // No sample values: plan the statement as a prepared statement with a forced generic plan.
        // PREPARE outlives the transaction; on failure the pool's DISCARD ALL removes it.
        var assumed = await GenericPreparation.PrepareAsync(connection, PreparedName, sql, placeholders, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SET LOCAL plan_cache_mode = force_generic_plan", cancellationToken).ConfigureAwait(false);
        var nulls = string.Join(", ", Enumerable.Repeat("NULL", placeholders));
        var plan = await ScalarAsync(connection, $"EXPLAIN ({explainOptions}) EXECUTE {PreparedName}({nulls})", [], cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DEALLOCATE {PreparedName}", cancellationToken).ConfigureAwait(false);
        return (plan, assumed);
    }

    // A batch command is sent as one Parse message, unparsed by the driver: the server itself
    // rejects a second statement ("cannot insert multiple commands into a prepared statement").
    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, IReadOnlyList<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters.ToArray());

        batch.BatchCommands.Add(command);
        var result = await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result as string ?? throw new ExplainRefusedException("the server returned no plan");
    }

    // An untyped parameter is typed by the server from the statement, like a quoted literal.
    private static NpgsqlParameter Parameter(object? value, bool asLiteral) => value is string text && asLiteral
        ? new NpgsqlParameter { Value = text, NpgsqlDbType = NpgsqlDbType.Unknown }
        : new NpgsqlParameter { Value = value ?? DBNull.Value };

    private static Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken) =>
        SingleStatement.ExecuteAsync(connection, sql, connection.CommandTimeout, cancellationToken);

    private static string? Refusal(PostgresException e) => e.SqlState switch
    {
        "42601" when e.MessageText.Contains("multiple commands", StringComparison.Ordinal) => "refused: exactly one statement is allowed",
        "42601" => $"refused: not a statement EXPLAIN can plan ({e.MessageText})",
        "25006" => $"refused: the statement tried to write ({e.MessageText})",
        "57014" => "refused: the statement ran past statement_timeout and was cancelled",
        _ => null,
    };

    private static string TrimStatement(string statement)
    {
        var sql = statement.Trim();
        while (sql.EndsWith(';'))
        {
            sql = sql[..^1].TrimEnd();
        }

        return sql.Length == 0 ? throw new ExplainRefusedException("refused: the statement is empty") : sql;
    }

    /// <summary>The highest <c>$n</c> the server's lexer reads (none in strings or comments): how many values the statement needs.</summary>
    public static int PlaceholderCount(string sql) =>
        ScannedSql.Of(sql).Tokens
            .Where(token => token.Token == SqlScanToken.Param)
            .Select(token => int.Parse(token.Text.AsSpan(1), CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
}
