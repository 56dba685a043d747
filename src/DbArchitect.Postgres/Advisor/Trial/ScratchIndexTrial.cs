using System.ComponentModel;
using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Validation;
using Npgsql;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>
/// Measures index candidates hypopg cannot simulate (GIN, GiST), or any candidate when the target
/// lacks hypopg, by building them for real on a scratch copy: the target's schema (pg_dump) holding
/// a capped sample of the rows of every table the workload reads there. Each candidate is built,
/// the statements reading its table are planned with and without it, and it is dropped again.
/// Nothing is written to the target: it is only planned on and read through its read-only session.
/// </summary>
/// <param name="targetConnectionString">The target's connection string, for pg_dump (a data source no longer holds the password).</param>
/// <param name="target">The read-only target session the rows are read through.</param>
/// <param name="options">Row cap and cluster settings; null for the defaults.</param>
public sealed class ScratchIndexTrial(string targetConnectionString, NpgsqlDataSource target, ScratchTrialOptions? options = null)
{
    public ScratchIndexTrial(TargetSession session, ScratchTrialOptions? options = null)
        : this(session.ConnectionString, session.DataSource, options)
    {
    }

    private readonly ScratchTrialOptions options = options ?? new ScratchTrialOptions();

    /// <summary>
    /// Tries every candidate against the statements that read its table (text, $n placeholders
    /// planned generically). On <paramref name="cluster"/> when given (its scratch database is
    /// dropped afterwards), else on a cluster of its own that is deleted afterwards. A trial that
    /// cannot run returns <see cref="ScratchTrialResult.NotRun"/> instead of throwing.
    /// </summary>
    public async Task<ScratchTrialResult> RunAsync(
        IReadOnlyList<IndexCandidate> candidates,
        IReadOnlyList<string> statements,
        ScratchCluster? cluster,
        CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return new ScratchTrialResult();
        }

        ScratchCluster? owned = null;
        string? scratchDatabase = null;
        try
        {
            var notes = new List<string>();
            var workload = new WorkloadTables(target);
            var planned = await workload.PlanAsync(statements, notes, cancellationToken).ConfigureAwait(false);
            var candidateTables = await workload.RootsAsync(candidates.Select(TableOf), cancellationToken).ConfigureAwait(false);
            var involved = candidateTables.Values
                .Concat(planned.Where(p => p.Tables.Overlaps(candidateTables.Values)).SelectMany(p => p.Tables))
                .Distinct()
                .ToList();

            var scratch = cluster ?? (owned = await ScratchCluster.StartAsync(options.Cluster, cancellationToken).ConfigureAwait(false));
            scratchDatabase = await SchemaCloner.CloneSchemaAsync(targetConnectionString, scratch, cancellationToken).ConfigureAwait(false);
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(scratchDatabase) { Pooling = false, CommandTimeout = 300 }.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            var samples = await CopyRowsAsync(connection, involved, cancellationToken).ConfigureAwait(false);
            var measurer = new ScratchIndexMeasurer(connection);
            var results = new List<IndexTrialResult>();
            foreach (var candidate in candidates)
            {
                if (!candidateTables.TryGetValue(TableOf(candidate), out var table))
                {
                    results.Add(new IndexTrialResult { Candidate = candidate, EvidenceNote = TrialEvidence.Describe(candidate, null), Failed = $"{candidate.QualifiedTable} is not a table on the target" });
                    continue;
                }

                var reading = planned.Where(p => p.Tables.Contains(table)).Select(p => p.Statement).ToList();
                results.Add(await measurer.MeasureAsync(candidate, samples[table], reading, cancellationToken).ConfigureAwait(false));
            }

            return new ScratchTrialResult { Indexes = results, Tables = [.. samples.Values], Notes = notes };
        }
        catch (Exception e) when (e is ScratchClusterException or DbArchitectException or NpgsqlException or IOException or Win32Exception)
        {
            return ScratchTrialResult.NotRunBecause($"no scratch trial: {e.Message.Split('\n')[0]}");
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
            else if (cluster is not null && scratchDatabase is not null)
            {
                await DropDatabaseAsync(cluster, scratchDatabase).ConfigureAwait(false);
            }
        }
    }

    private async Task<Dictionary<TrialTable, SampledTable>> CopyRowsAsync(NpgsqlConnection connection, IReadOnlyList<TrialTable> tables, CancellationToken cancellationToken)
    {
        // Tables are sampled independently, so a child's sampled rows often lack their parent row:
        // replica mode skips foreign-key and user triggers while loading. Only plans matter here.
        await SingleStatement.ExecuteAsync(connection, "SET session_replication_role = replica", connection.CommandTimeout, cancellationToken).ConfigureAwait(false);
        var copier = new TableRowCopier(target, connection, options.MaxRowsPerTable);
        var samples = new Dictionary<TrialTable, SampledTable>();
        foreach (var table in tables)
        {
            samples[table] = await copier.CopyAsync(table, cancellationToken).ConfigureAwait(false);
            await SingleStatement.ExecuteAsync(connection, $"ANALYZE {table.QualifiedName}", connection.CommandTimeout, cancellationToken).ConfigureAwait(false);
        }

        return samples;
    }

    // Only on a cluster the caller lends: an owned cluster is deleted whole.
    private static async Task DropDatabaseAsync(ScratchCluster cluster, string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            await using var admin = new NpgsqlConnection(cluster.ConnectionString());
            await admin.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await SingleStatement.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Catalog.SqlIdentifier.Quote(name)} WITH (FORCE)", 60, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The lender deletes its whole cluster in the end; a database left behind until then costs nothing.
        }
    }

    private static TrialTable TableOf(IndexCandidate candidate) => new(candidate.Schema, candidate.Table);
}
