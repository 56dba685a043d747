using Npgsql;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// Sends one statement exactly as written. A plain NpgsqlCommand splits its text at semicolons,
/// which cuts a <c>BEGIN ATOMIC … END</c> function body apart; a batch command is sent unsplit.
/// </summary>
internal static class SingleStatement
{
    public static async Task ExecuteAsync(NpgsqlConnection connection, string statement, int timeoutSeconds, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = timeoutSeconds };
        batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
