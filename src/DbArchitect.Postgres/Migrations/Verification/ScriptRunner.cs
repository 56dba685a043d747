using System.Diagnostics;
using Dapper;
using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Sessions;
using Npgsql;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>
/// Runs a migration script on the scratch database statement by statement. In one transaction
/// when the script allows it, reading after each statement which locks it holds on relations that
/// existed before (pg_locks of its own backend), and before the commit which of them got a new
/// relfilenode (a rewrite) or a new index; a script with its own BEGIN/COMMIT or a CONCURRENTLY
/// statement runs as written, untraced.
/// </summary>
public static class ScriptRunner
{
    public static async Task<ScriptRun> RunAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(script);
        var clock = Stopwatch.StartNew();
        var (statements, refused) = ScriptParser.Parse(script);
        if (refused.Count > 0)
        {
            return new ScriptRun { Error = $"line {refused[0].Line}: {refused[0].Reason}", Elapsed = clock.Elapsed };
        }

        if (statements.Any(s => s.Type == "TransactionStmt" || ConcurrentStatements.IsConcurrent(s.Type, s.Node)))
        {
            var error = await RunEachAsync(connection, statements, null, cancellationToken).ConfigureAwait(false);
            return new ScriptRun { Error = error, NotTraced = "runs outside one transaction (its own BEGIN/COMMIT or CONCURRENTLY): locks not traced", Elapsed = clock.Elapsed };
        }

        var existing = await RelationsAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var firstSeen = new Dictionary<(uint, string), TimeSpan>();
        var failure = await RunEachAsync(connection, statements, async () =>
        {
            foreach (var held in await connection.QueryAsync<(uint Oid, string Mode)>(new CommandDefinition(
                "SELECT relation::oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted", cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                if (existing.ContainsKey(held.Oid) && LockModes.BlocksWrites(held.Mode))
                {
                    firstSeen.TryAdd((held.Oid, held.Mode), clock.Elapsed);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new ScriptRun { Error = failure, Elapsed = clock.Elapsed };
        }

        var after = await RelationsAsync(connection, cancellationToken).ConfigureAwait(false);
        var built = await connection.QueryAsync<uint>(new CommandDefinition("SELECT indrelid::oid FROM pg_index WHERE NOT indexrelid = ANY(@existing)",
            new { existing = existing.Keys.Select(k => (long)k).ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rewritten = existing.Where(e => after.TryGetValue(e.Key, out var now) && now.FileNode != e.Value.FileNode).Select(e => $"{e.Value.Name} (rewritten)")
            .Concat(built.Where(existing.ContainsKey).Distinct().Select(table => $"{existing[table].Name} (index built)"))
            .ToList();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var committed = clock.Elapsed;
        return new ScriptRun
        {
            WriteBlockingLocks = [.. firstSeen.Select(f => new HeldLock(existing[f.Key.Item1].Name, f.Key.Item2, existing[f.Key.Item1].Rows, committed - f.Value))
                .OrderByDescending(l => l.Held)],
            Rewritten = rewritten,
            Elapsed = committed,
        };
    }

    private static async Task<string?> RunEachAsync(NpgsqlConnection connection, IReadOnlyList<ParsedStatement> statements, Func<Task>? afterEach, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            try
            {
                await using var command = new NpgsqlCommand(statement.Text, connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (DatabaseErrors.Describe(e) is { } message)
            {
                return $"{Core.Failures.OneLine.Cut(statement.Text, 80)}: {message}";
            }

            if (afterEach is not null)
            {
                await afterEach().ConfigureAwait(false);
            }
        }

        return null;
    }

    private sealed record Relation(string Name, uint FileNode, long Rows);

    /// <summary>User tables, partitions and indexes by oid, with relfilenode and (for an index, its table's) row count as ANALYZE last counted it.</summary>
    private static async Task<Dictionary<uint, Relation>> RelationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(uint Oid, string Name, uint FileNode, long Rows)>(new CommandDefinition(
            $"""
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relfilenode::oid,
                   greatest(c.reltuples, coalesce(t.reltuples, 0), 0)::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = c.oid
            LEFT JOIN pg_class t ON t.oid = i.indrelid
            WHERE c.relkind IN ('r', 'p', 'i', 'm') AND {UserRelations.InUserSchema}
            """, cancellationToken: cancellationToken)).ConfigureAwait(false))
        .ToDictionary(r => r.Oid, r => new Relation(r.Name, r.FileNode, r.Rows));
}
