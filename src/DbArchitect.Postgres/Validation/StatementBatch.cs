using Npgsql;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// Sends many statements in one round trip, each unsplit (see <see cref="SingleStatement"/>).
/// Without an explicit transaction the server runs them as one implicit transaction, so a
/// refused statement leaves nothing of the batch behind and the caller can run the same
/// statements one by one to learn which one it was and decide what to make of it.
/// </summary>
internal static class StatementBatch
{
    /// <returns>False, with nothing applied, when the server refuses any of the statements.</returns>
    public static async Task<bool> TryExecuteAsync(NpgsqlConnection connection, IReadOnlyList<string> statements, int timeoutSeconds, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = timeoutSeconds };
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }
}
