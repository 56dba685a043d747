using System.Globalization;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;
using Npgsql;

namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>
/// Copies a sample of a target table's rows into the same table of a scratch copy: COPY TO STDOUT
/// on the read-only target session (a read, so allowed there), streamed into COPY FROM STDIN on the
/// scratch side. Text format, because binary COPY carries type oids that differ between servers for
/// arrays of enums and extension types. Generated columns are left for the scratch copy to compute.
/// </summary>
internal sealed class TableRowCopier(NpgsqlDataSource target, NpgsqlConnection scratch, int maxRows)
{
    private const int Seed = 20_260_101;

    /// <summary>TABLESAMPLE draws pages (SYSTEM) or rows (BERNOULLI) by chance; drawing twice the cap keeps LIMIT the usual bound.</summary>
    private const double Oversampling = 2.0;

    private const string ShapeSql = """
        SELECT CASE WHEN c.relkind = 'p'
                    THEN (SELECT coalesce(sum(greatest(leaf.reltuples, 0)), 0)
                          FROM pg_partition_tree(c.oid) tree JOIN pg_class leaf ON leaf.oid = tree.relid
                          WHERE tree.isleaf)
                    ELSE greatest(c.reltuples, coalesce(s.n_live_tup, 0), 0)
               END::bigint,
               array(SELECT a.attname::text FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                     ORDER BY a.attnum)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
        WHERE n.nspname = $1 AND c.relname = $2
        """;

    public async Task<SampledTable> CopyAsync(TrialTable table, CancellationToken cancellationToken)
    {
        long estimatedRows = 0;
        try
        {
            if (await ReadShapeAsync(table, cancellationToken).ConfigureAwait(false) is not var (rows, columns))
            {
                return new SampledTable { Table = table, SampleRows = 0, TargetRows = 0, NotCopied = "it vanished from the target" };
            }

            estimatedRows = rows;
            var method = estimatedRows > maxRows ? "SYSTEM" : null;
            var copied = await CopyOnceAsync(table, columns, estimatedRows, method, cancellationToken).ConfigureAwait(false);
            if (copied == 0 && method is not null)
            {
                // SYSTEM drew no page holding a live row (few pages, or dead ones): draw rows instead.
                copied = await CopyOnceAsync(table, columns, estimatedRows, "BERNOULLI", cancellationToken).ConfigureAwait(false);
            }

            return new SampledTable { Table = table, SampleRows = copied, TargetRows = Math.Max(estimatedRows, copied) };
        }
        catch (PostgresException e)
        {
            return new SampledTable { Table = table, SampleRows = 0, TargetRows = estimatedRows, NotCopied = e.MessageText };
        }
    }

    private async Task<(long EstimatedRows, string[] Columns)?> ReadShapeAsync(TrialTable table, CancellationToken cancellationToken)
    {
        await using var command = target.CreateCommand(ShapeSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table.Schema });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table.Name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetFieldValue<string[]>(1)) : null;
    }

    private async Task<long> CopyOnceAsync(TrialTable table, string[] columns, long estimatedRows, string? method, CancellationToken cancellationToken)
    {
        var columnList = string.Join(", ", columns.Select(SqlIdentifier.Quote));
        await using (var source = await target.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var rows = (NpgsqlCopyTextReader)await source.BeginTextExportAsync(ExportSql(table, columnList, estimatedRows, method), cancellationToken).ConfigureAwait(false);
            await using (rows.ConfigureAwait(false))
            {
                var sink = (NpgsqlCopyTextWriter)await scratch.BeginTextImportAsync($"COPY {table.QualifiedName} ({columnList}) FROM STDIN", cancellationToken).ConfigureAwait(false);
                await using (sink.ConfigureAwait(false))
                {
                    try
                    {
                        var buffer = new char[64 * 1024];
                        int read;
                        while ((read = await rows.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            await sink.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        }
                    }
                    catch
                    {
                        // A read that failed half-way must not leave half a sample behind: the import is discarded.
                        await sink.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                }
            }
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table.QualifiedName}", scratch);
        return (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // COPY takes no parameters: the only values in the text are numbers formatted here. Npgsql wants
    // the text to start with COPY, so the marker for pg_stat_statements goes inside.
    private string ExportSql(TrialTable table, string columnList, long estimatedRows, string? method)
    {
        var limit = maxRows.ToString(CultureInfo.InvariantCulture);
        if (method is null)
        {
            return $"COPY ({ToolMarker.Comment} SELECT {columnList} FROM {table.QualifiedName} TABLESAMPLE SYSTEM (100) LIMIT {limit}) TO STDOUT";
        }

        var percent = Math.Clamp(100.0 * maxRows * Oversampling / estimatedRows, 0.0001, 100.0).ToString("0.######", CultureInfo.InvariantCulture);
        return $"COPY ({ToolMarker.Comment} SELECT {columnList} FROM {table.QualifiedName} TABLESAMPLE {method} ({percent}) REPEATABLE ({Seed.ToString(CultureInfo.InvariantCulture)}) LIMIT {limit}) TO STDOUT";
    }
}
