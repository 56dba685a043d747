using DbArchitect.Core.Failures;
using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;
using DbArchitect.Postgres.Migrations.Verification;
using DbArchitect.Postgres.Scratch;
using Npgsql;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// A repository's schema, built on a scratch server from its migrations, so that a repository
/// without a database still gets an analysis: the ups of its longest chain in the tool's order, an
/// extension a migration assumes (<see cref="AssumedExtensions"/>) created when the server has it.
/// A migration that fails is counted and named, and the chain goes on: what it would have made is
/// missing from the analysis, which says so. The tables are empty, so rules that need rows find none.
/// </summary>
public static class RepositorySchema
{
    /// <param name="ConnectionString">The scratch database holding the schema.</param>
    /// <param name="Source">Where the facts come from, for the TODO's context.</param>
    public sealed record Built(string ConnectionString, string Source);

    /// <summary>The chain the schema is built from: the repository's longest, before any server is started.</summary>
    /// <exception cref="DbArchitectException">The repository holds no migrations (<see cref="FailureKind.Unreachable"/>).</exception>
    public static MigrationChain ChainOf(string repository, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var chains = MigrationDiscovery.Discover(repository, cancellationToken).Where(c => c.Migrations.Count > 0).ToList();
        var chain = chains.MaxBy(c => c.Migrations.Count)
            ?? throw new DbArchitectException(FailureKind.Unreachable, $"no migrations found under {repository}: give --connection to analyse a database instead");
        if (chains.Count > 1)
        {
            progress.Report($"{chains.Count} migration chains found; the schema is built from the longest, {Shown(repository, chain)} ({chain.Migrations.Count} migrations)");
        }

        return chain;
    }

    public static async Task<Built> BuildAsync(ScratchCluster cluster, string repository, MigrationChain chain, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(progress);
        var root = Shown(repository, chain);
        var connectionString = await cluster.CreateDatabaseAsync("dbarch_repo_" + Guid.NewGuid().ToString("N")[..12], cancellationToken).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var failures = new List<string>();
        foreach (var migration in chain.Migrations)
        {
            if (await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false) is { } error)
            {
                failures.Add($"{migration.Label} ({error})");
            }
        }

        // The migrations' own statements are no application workload.
        await using (var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection))
        {
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = chain.Migrations.Count - failures.Count;
        progress.Report(failures.Count == 0
            ? $"built the schema from all {applied} migrations of {root}"
            : $"built the schema from {applied} of {chain.Migrations.Count} migrations of {root}; {failures.Count} failed, the first {failures[0]}");
        var source = $"the schema of {applied} of {chain.Migrations.Count} migrations of {root} ({chain.Migrations[0].Convention}), built on a scratch server with empty tables";
        return new Built(connectionString, source);
    }

    // Discovery names a chain by its folder under the repository; a chain at the repository's top is the repository.
    private static string Shown(string repository, MigrationChain chain) =>
        Path.IsPathRooted(chain.Root) ? Path.GetRelativePath(repository, chain.Root) : chain.Root.Length == 0 ? "." : chain.Root;

    /// <returns>The server's message when the up fails even with the extensions it assumes; null when it applied.</returns>
    private static async Task<string?> ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        var run = await ScriptRunner.RunAsync(connection, migration.Up, cancellationToken).ConfigureAwait(false);
        while (run.Error is not null && await AssumedExtensions.ForFailureAsync(connection, run.Error, cancellationToken).ConfigureAwait(false) is { } extension)
        {
            await AssumedExtensions.CreateAsync(connection, extension, cancellationToken).ConfigureAwait(false);
            run = await ScriptRunner.RunAsync(connection, migration.Up, cancellationToken).ConfigureAwait(false);
        }

        if (run.Error is not null)
        {
            // A script with its own BEGIN may have left its transaction open and aborted; the next migration starts clean.
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return run.Error;
    }
}
