using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using Npgsql;

namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// Reads small row samples for the normalisation checks: plain tables and leaf partitions with
/// rows, the largest first and at most <see cref="MaxTables"/> of them, each bounded by
/// <see cref="RuleOptions.SampleRows"/> and by the session's statement timeout. Tables the role may
/// not read are not tried (the measurement gaps name them); one that refuses or times out all the
/// same is left unsampled rather than failing the analysis, and the coverage says so.
/// </summary>
public sealed class RowSampler(NpgsqlDataSource dataSource)
{
    public const int MaxTables = 50;

    public async Task<RowSamples> SampleAsync(CatalogSnapshot snapshot, RuleOptions options, CancellationToken ct)
    {
        var columnsByTable = snapshot.Columns.ToLookup(c => c.TableOid);
        var tables = snapshot.Tables
            .Where(t => t.Kind == TableKind.Table && t.Readable && MayHaveRows(t))
            .OrderByDescending(t => t.TableBytes)
            .ThenBy(t => t.Schema, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(MaxTables);

        var samples = new Dictionary<uint, TableSample>();
        var coverage = new SampleCoverage.Builder();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        foreach (var table in tables)
        {
            var columns = columnsByTable[table.Oid].Where(c => c.TypeName != "bytea").OrderBy(c => c.Position).ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            var (outcome, rows) = await SampleTableAsync(connection, table, columns, options.SampleRows, ct).ConfigureAwait(false);
            coverage.Record(table.QualifiedName, outcome);
            if (outcome == SampleOutcome.Read)
            {
                samples[table.Oid] = new TableSample { TableOid = table.Oid, Columns = [.. columns.Select(c => c.Name)], Rows = rows };
            }
        }

        return new RowSamples(samples, coverage.Build());
    }

    private static bool MayHaveRows(TableInfo table) =>
        table.EstimatedRows >= 1 || table.LiveTuples >= 1 || (table.EstimatedRows < 0 && table.TableBytes > 0);

    private static async Task<(SampleOutcome Outcome, List<string?[]> Rows)> SampleTableAsync(NpgsqlConnection connection, TableInfo table, IReadOnlyList<ColumnInfo> columns, int sampleRows, CancellationToken ct)
    {
        try
        {
            var rows = new List<string?[]>();
            foreach (var query in SampleQuery.Attempts(table, columns, sampleRows))
            {
                rows = await ReadRowsAsync(connection, query, columns.Count, ct).ConfigureAwait(false);
                if (rows.Count > 0)
                {
                    break;
                }
            }

            return (rows.Count > 0 ? SampleOutcome.Read : SampleOutcome.Empty, rows);
        }
        catch (PostgresException e) when (SampleQuery.Outcome(e) is { } outcome)
        {
            return (outcome, []);
        }
    }

    private static async Task<List<string?[]>> ReadRowsAsync(NpgsqlConnection connection, SampleQuery query, int columnCount, CancellationToken ct)
    {
        await using var command = query.CommandOn(connection);
        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var row = new string?[columnCount];
            for (var i = 0; i < columnCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
