using System.Data;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Catalog.Reading;
using Npgsql;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Catalog;

/// <summary>
/// Takes the <see cref="CatalogSnapshot"/> of one database in a fixed number of round trips, however
/// many tables it has. The per-table queries (tables, columns, constraints, indexes) are split by
/// table oid across <see cref="Sessions"/> server sessions that run at once, each sending its
/// share as one batch; the small server-wide queries ride along. All sessions are
/// repeatable-read transactions on one exported snapshot, so the result is consistent. Runs in
/// the target's read-only session and needs no superuser: rows the session may not read (other
/// users' column statistics, other roles' activity) are simply absent.
/// </summary>
public sealed partial class CatalogReader(NpgsqlDataSource dataSource)
{
    public CatalogReader(TargetSession session)
        : this(session.DataSource)
    {
    }

    /// <summary>Parallel server sessions: index definitions cost most of the time and deparse one at a time per session.</summary>
    public const int Sessions = 2;

    public async Task<CatalogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var lanes = Enumerable.Range(0, Sessions).Select(_ => new CatalogBatch()).ToArray();
        var tables = AddSliced(lanes, TableQuery.Query);
        var columns = AddSliced(lanes, ColumnQuery.Query);
        var constraintRows = AddSliced(lanes, ConstraintQuery.Query);
        var indexRows = AddSliced(lanes, IndexQuery.Query);

        // The server query (it walks the database directory for its size) goes with the first
        // session, the other server-wide queries with the last, to keep the sessions even.
        var server = lanes[0].Add(ServerQuery.Query);
        var wide = lanes[^1];
        var schemas = wide.Add(SchemaQuery.Query);
        var operatorClasses = wide.Add(IndexQuery.OperatorClasses);
        var keywords = wide.Add(ServerQuoting.Keywords);
        var sequences = wide.Add(SequenceQuery.Query);
        var statistics = wide.Add(ColumnStatisticsQuery.Query);
        var extensions = wide.Add(ExtensionQuery.Query);
        var settings = wide.Add(SettingQuery.Query);
        var activity = wide.Add(ActivityQuery.Query);
        var slots = wide.Add(ReplicationSlotQuery.Query);
        var roles = wide.Add(RoleQuery.Query);
        var securityDefiners = wide.Add(SecurityDefinerFunctionQuery.Query);
        var languages = wide.Add(LanguageQuery.Query);

        await ExecuteOnOneSnapshotAsync(lanes, cancellationToken).ConfigureAwait(false);

        var allColumns = columns.SelectMany(part => part).ToList();
        var columnNames = new ColumnNames(allColumns);
        var nonDefaultOperatorClasses = operatorClasses.ToDictionary();
        var quoting = new ServerQuoting(keywords);
        return new CatalogSnapshot
        {
            Server = server.Single(),
            Schemas = schemas,
            Tables = [.. tables.SelectMany(part => part).OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)],
            Columns = [.. allColumns.OrderBy(c => c.Schema, StringComparer.Ordinal).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Position)],
            Constraints = [.. constraintRows.SelectMany(part => part).Select(r => r.Resolve(columnNames, quoting))
                .OrderBy(c => c.Schema, StringComparer.Ordinal).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)],
            Indexes = [.. indexRows.SelectMany(part => part).Select(r => r.Resolve(columnNames, nonDefaultOperatorClasses, quoting))
                .OrderBy(i => i.Schema, StringComparer.Ordinal).ThenBy(i => i.Table, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)],
            Sequences = sequences,
            ColumnStatistics = statistics,
            Extensions = extensions,
            Settings = settings,
            Activity = activity.Single(),
            ReplicationSlots = slots,
            Roles = roles,
            SecurityDefinerFunctions = securityDefiners,
            Languages = languages,

            // Export the snapshot, then one batch and one commit per session.
            RoundTrips = 1 + (2 * Sessions),
        };
    }

    /// <summary>One share per session, by a hash of the table oid modulo the number of sessions; the server sorts nothing, the names order the result here.</summary>
    private static IReadOnlyList<IReadOnlyList<T>> AddSliced<T>(CatalogBatch[] lanes, CatalogQuery<T> query) =>
        [.. lanes.Select((lane, i) => lane.Add(query, lanes.Length, i))];

    private async Task ExecuteOnOneSnapshotAsync(CatalogBatch[] lanes, CancellationToken cancellationToken)
    {
        var connections = new List<NpgsqlConnection>();
        var transactions = new List<NpgsqlTransaction>();
        try
        {
            var opening = lanes.Select(_ => dataSource.OpenConnectionAsync(cancellationToken).AsTask()).ToList();
            foreach (var open in opening)
            {
                var connection = await open.ConfigureAwait(false);
                connections.Add(connection);
                transactions.Add(await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false));
            }

            var snapshot = await ExportSnapshotAsync(connections[0], transactions[0], cancellationToken).ConfigureAwait(false);
            foreach (var lane in lanes.Skip(1))
            {
                lane.Prepend($"SET TRANSACTION SNAPSHOT '{snapshot}'");
            }

            await Task.WhenAll(lanes.Select((lane, i) => lane.ExecuteAsync(connections[i], transactions[i], cancellationToken))).ConfigureAwait(false);
            await Task.WhenAll(transactions.Select(t => t.CommitAsync(cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var transaction in transactions)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<string> ExportSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var id = (string)(await export.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        // SET TRANSACTION SNAPSHOT takes no parameters; the id is checked to be the server's hex-and-dash form before it is spliced in.
        return SnapshotId().IsMatch(id) ? id : throw new InvalidOperationException($"unexpected snapshot id '{id}'");
    }

    [GeneratedRegex("^[0-9A-F]+(-[0-9A-F]+)+$")]
    private static partial Regex SnapshotId();
}
