using System.Data;
using DbArchitect.Postgres.Sessions;
using Npgsql;
using NpgsqlTypes;

namespace DbArchitect.Postgres.Rewrites;

/// <summary>
/// What a query returned, reduced to its row count and a digest. Each row is digested by the
/// server as <c>md5(t::text)</c>: the row's text form covers every column type, and it holds the
/// values in column order, each written by its type's output function, so column order and column
/// types are part of the answer (an integer 1 and a numeric 1.0 differ) while column names are not.
/// </summary>
public sealed record ResultFingerprint(long Rows, string Hash)
{
    /// <summary>
    /// Runs the query on the caller's connection (inside the caller's transaction) and streams its
    /// row digests. The query keeps its row order inside the wrapper: a subquery with ORDER BY is
    /// never flattened into the outer query, whose plain scan of it keeps that order.
    /// </summary>
    /// <param name="connection">An open connection inside the caller's read-only transaction.</param>
    /// <param name="query">The query whose result is digested.</param>
    /// <param name="values">Values for <c>$1…$n</c>, as text the server reads as each placeholder's type.</param>
    /// <param name="ordered">Digest the rows in their order rather than as a multiset.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    internal static async Task<ResultFingerprint> ReadAsync(NpgsqlConnection connection, QueryStatement query, IReadOnlyList<string> values, bool ordered, CancellationToken cancellationToken)
    {
        // The newline ends a trailing -- comment before the closing parenthesis.
        var sql = $"{ToolMarker.Comment} SELECT md5(t::text) FROM (\n{query.Text}\n) AS t";
        await using var batch = new NpgsqlBatch(connection);
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Unknown });
        }

        batch.BatchCommands.Add(command);
        using var digest = new ResultDigest(ordered);
        await using var reader = await batch.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            digest.Add(reader.GetString(0));
        }

        return new ResultFingerprint(digest.Rows, digest.ToHex());
    }
}
