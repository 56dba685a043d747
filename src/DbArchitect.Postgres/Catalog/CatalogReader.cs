using System.Data;
using DbArchitect.Postgres.Catalog.Reading;
using Npgsql;

namespace DbArchitect.Postgres.Catalog;

/// <summary>
/// Takes the <see cref="CatalogSnapshot"/> of one database: every catalog query goes to the server
/// in one batch inside one repeatable-read transaction, so the snapshot is consistent and costs the
/// same two round trips (the batch, then the commit) for 3 tables or 10,000. Runs in the target's
/// read-only session and needs no superuser: rows the session may not read (other users' column
/// statistics, other roles' activity) are simply absent.
/// </summary>
public sealed class CatalogReader(NpgsqlDataSource dataSource)
{
    /// <summary>Round trips after the connection is open: the batch, then the commit.</summary>
    private const int RoundTrips = 2;

    public async Task<CatalogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var batch = new CatalogBatch();
        var server = batch.Add(ServerQuery.Query);
        var schemas = batch.Add(SchemaQuery.Query);
        var tables = batch.Add(TableQuery.Query);
        var columns = batch.Add(ColumnQuery.Query);
        var constraints = batch.Add(ConstraintQuery.Query);
        var indexes = batch.Add(IndexQuery.Query);
        var sequences = batch.Add(SequenceQuery.Query);
        var statistics = batch.Add(ColumnStatisticsQuery.Query);
        var extensions = batch.Add(ExtensionQuery.Query);
        var settings = batch.Add(SettingQuery.Query);
        var activity = batch.Add(ActivityQuery.Query);
        var slots = batch.Add(ReplicationSlotQuery.Query);

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false))
        {
            await batch.ExecuteAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new CatalogSnapshot
        {
            Server = server.Single(),
            Schemas = schemas,
            Tables = tables,
            Columns = columns,
            Constraints = constraints,
            Indexes = indexes,
            Sequences = sequences,
            ColumnStatistics = statistics,
            Extensions = extensions,
            Settings = settings,
            Activity = activity.Single(),
            ReplicationSlots = slots,
            RoundTrips = RoundTrips,
        };
    }
}
