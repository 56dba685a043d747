using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Verification;
using DbArchitect.Postgres.Scratch;
using Npgsql;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>
/// Proves a chain on a scratch server, migration by migration on one database: the state before a
/// migration is what the chain built so far (tables filled with generated rows), so no migration's
/// check replays the ones before it. For each: schema and data before; up, its locks and
/// rewrites; down; schema and data compared with before; up again, which leaves the state the next
/// migration starts from. An up that fails stops the chain there: every later migration needs it.
/// </summary>
public sealed class ChainVerifier(ScratchCluster cluster, int rowsPerTable)
{
    // A lock that makes writers wait is harmless when it is over at once; held this long on a table with rows, it is an outage in the making.
    private static readonly TimeSpan LongLock = TimeSpan.FromMilliseconds(50);

    /// <summary>The chain from an empty database of its own.</summary>
    public async Task<ChainVerification> VerifyAsync(MigrationChain chain, CancellationToken cancellationToken) =>
        await VerifyOnAsync(await cluster.CreateDatabaseAsync($"verify_{Guid.NewGuid():N}"[..30], cancellationToken).ConfigureAwait(false), chain, cancellationToken).ConfigureAwait(false);

    /// <summary>The chain on a database of the cluster that already holds what its migrations start from.</summary>
    /// <param name="database">The database's connection string.</param>
    /// <param name="chain">The migrations to prove, in order.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<ChainVerification> VerifyOnAsync(string database, MigrationChain chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(database);
        // Tables are filled once, when they first exist; one whose constraints refuse the rows is said once.
        var filled = new HashSet<uint>();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var verdicts = new List<MigrationVerdict>();
        foreach (var migration in VerificationUnits.Of(chain))
        {
            var verdict = await VerifyAsync(connection, migration, filled, cancellationToken).ConfigureAwait(false);
            verdicts.Add(verdict);
            if (!verdict.Applied || verdict.Rerunnable is false)
            {
                return new ChainVerification(chain, verdicts, migration.Label, clock.Elapsed);
            }
        }

        return new ChainVerification(chain, verdicts, null, clock.Elapsed);
    }

    /// <param name="connection">The open session on the chain's database.</param>
    /// <param name="migration">The migration to prove.</param>
    /// <param name="filled">Tables already filled (or tried), by oid.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    private async Task<MigrationVerdict> VerifyAsync(NpgsqlConnection connection, Migration migration, HashSet<uint> filled, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var failsWithRows = false;
        var schemaBefore = await SchemaDump.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var dataBefore = await TableData.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var up = await ScriptRunner.RunAsync(connection, migration.Up, cancellationToken).ConfigureAwait(false);
        while (up.Error is not null && await AssumedExtensions.ForFailureAsync(connection, up.Error, cancellationToken).ConfigureAwait(false) is { } extension)
        {
            await AssumedExtensions.CreateAsync(connection, extension, cancellationToken).ConfigureAwait(false);
            notes.Add($"assumes the extension {extension}, which no migration before it creates: created on the scratch server");
            // The extension is the setup's, not the migration's: the down is not expected to remove it.
            schemaBefore = await SchemaDump.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            up = await ScriptRunner.RunAsync(connection, migration.Up, cancellationToken).ConfigureAwait(false);
        }

        if (up.Error is not null && rowsPerTable > 0 && dataBefore.Values.Any(t => t.Rows > 0))
        {
            // It may run on the empty tables its authors tried it on: then it is proven there, and the failure on rows is the finding.
            var withRows = up.Error;
            await TableData.EmptyAsync(connection, cancellationToken).ConfigureAwait(false);
            // Every table is filled again after this migration, so the next ones still act on rows.
            filled.Clear();
            dataBefore = await TableData.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            up = await ScriptRunner.RunAsync(connection, migration.Up, cancellationToken).ConfigureAwait(false);
            notes.Add($"up fails on tables holding rows ({withRows}); proven again on emptied tables");
            if (up.Error is null)
            {
                failsWithRows = true;
            }
        }

        if (up.Error is not null)
        {
            return new MigrationVerdict { Migration = migration, Applied = false, Error = $"up: {up.Error}", UpTime = up.Elapsed, Notes = notes };
        }

        if (up.NotTraced is not null)
        {
            notes.Add(up.NotTraced);
        }

        var locks = up.WriteBlockingLocks.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{LockModes.FromPgLocks(l.Mode)} on {l.Relation} ({l.Rows:N0} rows) held {l.Held.TotalMilliseconds:N0} ms")).ToList();
        bool? lockSafe = up.NotTraced is not null ? null
            : !up.WriteBlockingLocks.Any(l => l.Rows > 0 && (l.Held >= LongLock || up.Rewritten.Any(r => r.StartsWith(l.Relation + " ", StringComparison.Ordinal))));
        var verdict = new MigrationVerdict { Migration = migration, Applied = true, FailsWithRows = failsWithRows, LockSafe = lockSafe, Locks = locks, Rewritten = up.Rewritten, UpTime = up.Elapsed, Notes = notes };

        if (MigrationDowns.Runnable(migration) is not { } downScript)
        {
            notes.Add(migration.HasDownConvention ? "no down to run: not reversible as written" : $"{migration.Convention} has no down migrations");
            return await AfterAsync(connection, filled, verdict with { Reversible = migration.HasDownConvention ? false : null }, cancellationToken).ConfigureAwait(false);
        }

        var down = await ScriptRunner.RunAsync(connection, downScript, cancellationToken).ConfigureAwait(false);
        if (down.Error is not null)
        {
            return await AfterAsync(connection, filled, verdict with { Reversible = false, Error = $"down: {down.Error}" }, cancellationToken).ConfigureAwait(false);
        }

        var schemaDifferences = SchemaDump.Differences(schemaBefore, await SchemaDump.ReadAsync(connection, cancellationToken).ConfigureAwait(false));
        var dataDifferences = TableData.Differences(dataBefore, await TableData.ReadAsync(connection, cancellationToken).ConfigureAwait(false));
        verdict = verdict with
        {
            Reversible = schemaDifferences.Count == 0,
            DataPreserving = dataDifferences.Count == 0,
            SchemaDifferences = schemaDifferences,
            DataDifferences = dataDifferences,
        };
        var again = await ScriptRunner.RunAsync(connection, migration.Up, cancellationToken).ConfigureAwait(false);
        verdict = again.Error is null ? verdict with { Rerunnable = true } : verdict with { Rerunnable = false, Error = $"up after down: {again.Error}" };
        return again.Error is null ? await AfterAsync(connection, filled, verdict, cancellationToken).ConfigureAwait(false) : verdict;
    }

    /// <summary>The tables the migration created get their rows, so that the next migrations act on data.</summary>
    private async Task<MigrationVerdict> AfterAsync(NpgsqlConnection connection, HashSet<uint> filled, MigrationVerdict verdict, CancellationToken cancellationToken)
    {
        var notes = await RowSeeder.FillEmptyAsync(connection, rowsPerTable, filled, cancellationToken).ConfigureAwait(false);
        return notes.Count == 0 ? verdict : verdict with { Notes = [.. verdict.Notes, .. notes] };
    }
}
