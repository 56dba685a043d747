using Npgsql;

namespace DbArchitect.Postgres.Explain;

/// <summary>
/// Prepares a statement whose placeholders have no values, for a generic plan. Where nothing in
/// the statement fixes a placeholder's type (<c>generate_series($1, $2)</c> from
/// pg_stat_statements: 42725 "not unique", or 42P18 "could not determine"), the server cannot
/// choose; the placeholders are then declared, trying the types such a statement is normally
/// called with, and the plan says which type was assumed.
/// </summary>
internal static class GenericPreparation
{
    private static readonly string[] Guesses = ["bigint", "numeric", "timestamptz", "text"];

    /// <returns>Null when the statement prepared as written, otherwise the type assumed for its placeholders.</returns>
    public static async Task<string?> PrepareAsync(NpgsqlConnection connection, string name, string sql, int placeholders, CancellationToken cancellationToken)
    {
        if (await TryAsync(connection, $"PREPARE {name} AS {sql}", cancellationToken).ConfigureAwait(false) is not { } refusal)
        {
            return null;
        }

        if (refusal.SqlState is not (PostgresErrorCodes.AmbiguousFunction or PostgresErrorCodes.IndeterminateDatatype))
        {
            throw refusal;
        }

        foreach (var type in Guesses)
        {
            var declared = string.Join(", ", Enumerable.Repeat(type, placeholders));
            if (await TryAsync(connection, $"PREPARE {name} ({declared}) AS {sql}", cancellationToken).ConfigureAwait(false) is null)
            {
                return type;
            }
        }

        throw new ExplainRefusedException($"skipped: the statement does not say what type its placeholders are ({refusal.MessageText}), and none of {string.Join(", ", Guesses)} fits all of them");
    }

    // A refused PREPARE aborts the transaction; the savepoint keeps the READ ONLY transaction usable.
    private static async Task<PostgresException?> TryAsync(NpgsqlConnection connection, string prepare, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SAVEPOINT dbarch_prepare", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, prepare, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "RELEASE SAVEPOINT dbarch_prepare", cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (PostgresException e)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT dbarch_prepare", cancellationToken).ConfigureAwait(false);
            return e;
        }
    }

    private static Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken) =>
        Validation.SingleStatement.ExecuteAsync(connection, sql, connection.CommandTimeout, cancellationToken);
}
