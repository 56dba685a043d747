using Dapper;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Validation.OnDemand;
using Npgsql;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// Copies a target's schema (no data, owners or privileges) into a new database on a scratch
/// cluster, so that SQL written for the target can be tried there (<see cref="ScratchSqlChecker"/>).
/// pg_dump (<see cref="PgDump"/>) comes from the scratch cluster's own binaries and reads the
/// target with the target's credentials.
/// </summary>
public static partial class SchemaCloner
{
    private const int StatementsPerBatch = 500;

    /// <summary>Sessions that build keys and indexes side by side: the scratch server's cores, within reason.</summary>
    private static readonly int IndexSessions = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Returns the connection string of the new scratch database holding the target's schema.</summary>
    public static async Task<string> CloneSchemaAsync(string targetConnectionString, ScratchCluster cluster, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var dump = await DumpSchemaAsync(targetConnectionString, cluster.BinDirectory, ct).ConfigureAwait(false);
        var connectionString = await cluster.CreateDatabaseAsync("dbarch_schema_" + Guid.NewGuid().ToString("N")[..12], ct).ConfigureAwait(false);
        await LoadAsync(connectionString, dump, ct).ConfigureAwait(false);
        await CopyInvalidIndexesAsync(targetConnectionString, connectionString, ct).ConfigureAwait(false);
        await CopyRolesAsync(targetConnectionString, connectionString, ct).ConfigureAwait(false);
        return connectionString;
    }

    /// <summary>
    /// A scratch database that takes on the target's schema as checks need it (<see cref="OnDemandCopy"/>):
    /// the dump is read at once, but only what belongs to no relation is loaded before the first check.
    /// </summary>
    /// <param name="targetConnectionString">The target, for its invalid indexes and roles.</param>
    /// <param name="cluster">The scratch cluster the copy is made on.</param>
    /// <param name="dumping">The target's schema dump (<see cref="DumpSchemaAsync"/>), begun before the cluster was up: on a large schema it is most of the wait.</param>
    /// <param name="ct">Cancels the copy.</param>
    public static async Task<OnDemandCopy> PrepareAsync(string targetConnectionString, ScratchCluster cluster, Task<string> dumping, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(dumping);
        var invalid = await InvalidIndexesAsync(targetConnectionString, ct).ConfigureAwait(false);
        var database = "dbarch_schema_" + Guid.NewGuid().ToString("N")[..12];
        await cluster.CreateDatabaseAsync(database, ct).ConfigureAwait(false);
        var dump = await dumping.ConfigureAwait(false);
        var schema = DumpedSchema.Read([.. SqlScript.Split(dump, skipPsqlMetaCommands: true), .. invalid]);
        var copy = await OnDemandCopy.StartAsync(cluster, database, schema, ct).ConfigureAwait(false);
        await CopyRolesAsync(targetConnectionString, copy.ConnectionString, ct).ConfigureAwait(false);
        return copy;
    }

    /// <summary>
    /// Security remedies name the target's roles (ALTER ROLE, GRANT ... TO, ::regrole), which a
    /// scratch cluster of its own lacks: the missing ones are created there as stand-ins that
    /// cannot log in, with the attributes the remedies change, so that SQL naming them is checked
    /// too. Never as superusers: no check needs one, and a scratch cluster should not grow a
    /// superuser named after a production role.
    /// </summary>
    private static async Task CopyRolesAsync(string targetConnectionString, string cloneConnectionString, CancellationToken ct)
    {
        List<RoleRow> roles;
        await using (var target = Sessions.TargetDataSource.Create(targetConnectionString))
        await using (var read = await target.OpenConnectionAsync(ct).ConfigureAwait(false))
        {
            roles = [.. await read.QueryAsync<RoleRow>(new CommandDefinition("SELECT rolname AS name, rolcreaterole AS createrole, rolbypassrls AS bypassrls FROM pg_roles WHERE rolname !~ '^pg_'", cancellationToken: ct)).ConfigureAwait(false)];
        }

        await using var clone = new NpgsqlConnection(cloneConnectionString);
        await clone.OpenAsync(ct).ConfigureAwait(false);
        var present = (await clone.QueryAsync<string>(new CommandDefinition("SELECT rolname FROM pg_roles", cancellationToken: ct)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        foreach (var role in roles.Where(r => !present.Contains(r.Name)))
        {
            var attributes = (role.CreateRole ? " CREATEROLE" : "") + (role.BypassRls ? " BYPASSRLS" : "");
            try
            {
                await SingleStatement.ExecuteAsync(clone, $"CREATE ROLE {Catalog.SqlIdentifier.Quote(role.Name)} NOLOGIN{attributes}", 30, ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateObject)
            {
                // Another analysis on the same scratch cluster created it meanwhile; either stand-in serves.
            }
        }
    }

    /// <summary>
    /// pg_dump leaves invalid indexes out, yet remedies rebuild or drop them: create them on the
    /// copy (where, with no rows, they build fine) so that SQL naming them can be checked.
    /// </summary>
    private static async Task CopyInvalidIndexesAsync(string targetConnectionString, string cloneConnectionString, CancellationToken ct)
    {
        var definitions = await InvalidIndexesAsync(targetConnectionString, ct).ConfigureAwait(false);
        await using var clone = new NpgsqlConnection(cloneConnectionString);
        await clone.OpenAsync(ct).ConfigureAwait(false);
        foreach (var definition in definitions)
        {
            await SingleStatement.ExecuteAsync(clone, definition, 300, ct).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<string>> InvalidIndexesAsync(string targetConnectionString, CancellationToken ct)
    {
        await using var target = Sessions.TargetDataSource.Create(targetConnectionString);
        await using var read = await target.OpenConnectionAsync(ct).ConfigureAwait(false);
        return [.. await read.QueryAsync<string>(new CommandDefinition("""
            SELECT pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """, cancellationToken: ct)).ConfigureAwait(false)];
    }

    /// <summary>A role of the target as the stand-ins need it, mapped by Dapper from the aliased columns.</summary>
    private sealed record RoleRow(string Name, bool CreateRole, bool BypassRls);

    /// <summary>The target's schema as pg_dump writes it for a copy: no owners, privileges, tablespaces, subscriptions or publications.</summary>
    public static Task<string> DumpSchemaAsync(string targetConnectionString, string binDirectory, CancellationToken ct) =>
        PgDump.RunAsync(binDirectory, targetConnectionString,
            ["--schema-only", "--no-owner", "--no-privileges", "--no-tablespaces", "--no-subscriptions", "--no-publications", "--no-security-labels", "--encoding=UTF8"],
            ct);

    internal static Task LoadAsync(string connectionString, string dump, CancellationToken ct) =>
        LoadAsync(connectionString, SqlScript.Split(dump, skipPsqlMetaCommands: true), ct);

    /// <summary>A dump's statements, in its order but for keys and indexes, which are built on several sessions at once.</summary>
    internal static async Task LoadAsync(string connectionString, IReadOnlyList<string> statements, CancellationToken ct)
    {
        var plan = DumpLoadPlan.Of(statements);
        await using var main = await OpenSessionAsync(connectionString, ct).ConfigureAwait(false);
        var extensionMissing = await RunAsync(main, plan.Before, false, ct).ConfigureAwait(false);

        // Building keys and indexes is most of a large schema's load, and tables do not wait on each other.
        var lanes = await Task.WhenAll(plan.IndexLanes(IndexSessions).Select(async lane =>
        {
            await using var session = await OpenSessionAsync(connectionString, ct).ConfigureAwait(false);
            await RunAsync(session, plan.Settings, false, ct).ConfigureAwait(false);
            return await RunAsync(session, lane, extensionMissing, ct).ConfigureAwait(false);
        })).ConfigureAwait(false);

        await RunAsync(main, plan.After, extensionMissing || lanes.Any(missing => missing), ct).ConfigureAwait(false);
    }

    // Unpooled sessions: the dump's SET and set_config('search_path', …) must hold for all the statements each runs.
    internal static async Task<NpgsqlConnection> OpenSessionAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <param name="connection">The loading session.</param>
    /// <param name="statements">What it loads, in order.</param>
    /// <param name="extensionMissing">Whether an extension is already known to be missing, so that what is built on it may fail.</param>
    /// <param name="ct">Stops the load.</param>
    /// <param name="loaded">Told the index of each statement that is on the copy now (or given up for a missing extension).</param>
    /// <returns>Whether an extension is now known to be missing.</returns>
    /// <exception cref="ScratchClusterException">A statement was refused; those before it are loaded.</exception>
    internal static async Task<bool> RunAsync(NpgsqlConnection connection, IReadOnlyList<string> statements, bool extensionMissing, CancellationToken ct, Action<int>? loaded = null)
    {
        // A round trip per statement cost more than the server's own work on a schema of thousands of tables.
        var first = 0;
        foreach (var batch in statements.Chunk(StatementsPerBatch))
        {
            if (await StatementBatch.TryExecuteAsync(connection, batch, 300, ct).ConfigureAwait(false))
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    loaded?.Invoke(first + i);
                }
            }
            else
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    extensionMissing = await LoadOneAsync(connection, batch[i], extensionMissing, ct).ConfigureAwait(false);
                    loaded?.Invoke(first + i);
                }
            }

            first += batch.Length;
        }

        return extensionMissing;
    }

    /// <returns>Whether an extension is now known to be missing.</returns>
    internal static async Task<bool> LoadOneAsync(NpgsqlConnection connection, string statement, bool extensionMissing, CancellationToken ct)
    {
        try
        {
            await SingleStatement.ExecuteAsync(connection, statement, 300, ct).ConfigureAwait(false);
        }
        catch (PostgresException) when (StatementNode.Of(statement) is ("CreateExtensionStmt", _) or ("CommentStmt", "OBJECT_EXTENSION"))
        {
            return true;
        }
        catch (PostgresException) when (extensionMissing)
        {
            // Objects built on an extension this machine lacks (a column of its type, an index of its
            // access method) cannot exist here; the rest of the schema is still worth checking against.
        }
        catch (PostgresException e)
        {
            throw new ScratchClusterException($"the target's schema does not load into the scratch database: {e.MessageText} (in: {SqlScript.Excerpt(statement)})");
        }

        return extensionMissing;
    }
}
