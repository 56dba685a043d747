using Npgsql;

namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>
/// Catalog queries sent together as one <see cref="NpgsqlBatch"/>: one round trip however many
/// queries and however many tables. Results are read back in the order the queries were added.
/// </summary>
internal sealed class CatalogBatch
{
    private readonly List<NpgsqlBatchCommand> _prelude = [];
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<Func<NpgsqlDataReader, Dictionary<string, string>, CancellationToken, Task>> _readers = [];

    /// <summary>A statement without rows that must run first (e.g. SET TRANSACTION SNAPSHOT).</summary>
    public void Prepend(string sql) => _prelude.Add(new NpgsqlBatchCommand(sql));

    /// <summary>Adds a query with its positional parameters; its rows are in the returned list once <see cref="ExecuteAsync"/> has run.</summary>
    public IReadOnlyList<T> Add<T>(CatalogQuery<T> query, params long[] parameters)
    {
        var command = new NpgsqlBatchCommand(query.Sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        }

        var rows = new List<T>();
        _commands.Add(command);
        _readers.Add(async (reader, names, cancellationToken) =>
        {
            var row = new CatalogRow(reader, names);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(query.Map(row));
            }
        });
        return rows;
    }

    public async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);

        // Statements without rows produce no result set, so the reader below still sees one per query.
        foreach (var command in _prelude.Concat(_commands))
        {
            command.CommandText = CatalogSqlDialect.For(command.CommandText, connection.PostgreSqlVersion);
            batch.BatchCommands.Add(command);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < _readers.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"catalog batch returned {i} result sets for {_readers.Count} queries");
            }

            await _readers[i](reader, names, cancellationToken).ConfigureAwait(false);
        }
    }
}
