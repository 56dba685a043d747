using System.Globalization;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;
using Npgsql;
using NpgsqlTypes;

namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// A SELECT over a sample of one table: rows drawn by TABLESAMPLE with a fixed seed (the same
/// database gives the same sample, so findings keep their IDs), or the first rows of a table too
/// small to need sampling. $1 is the row limit, $2 the TABLESAMPLE percent when there is one.
/// Even a whole small table is read as <c>TABLESAMPLE SYSTEM (100)</c>: PostgreSQL counts a sample
/// scan in no table's seq_scan, so the tool's reads do not grow the evidence of its next run.
/// </summary>
internal sealed record SampleQuery(string Sql, double? Percent, int Limit)
{
    public const int MaxTextLength = 200;
    private const int Seed = 20_260_101;

    /// <summary>TABLESAMPLE picks whole pages (SYSTEM) or rows (BERNOULLI) by chance; asking for twice the rows keeps LIMIT the usual bound.</summary>
    private const double Oversampling = 2.0;

    /// <summary>Every column but bytea as text cut to <see cref="MaxTextLength"/> characters.</summary>
    public static IReadOnlyList<SampleQuery> Attempts(TableInfo table, IReadOnlyList<ColumnInfo> columns, int sampleRows)
    {
        var selectList = string.Join(", ", columns.Select(c => $"left({SqlIdentifier.Quote(c.Name)}::text, {MaxTextLength.ToString(CultureInfo.InvariantCulture)})"));
        return Attempts(table, sampleRows, source => $"SELECT {selectList} FROM {source} LIMIT $1");
    }

    /// <summary>
    /// The queries to try in order until one returns rows: SYSTEM draws pages cheaply but may draw
    /// none with a live row (few pages, or dead ones), so BERNOULLI draws rows next; a small table
    /// is read once, whole. <paramref name="select"/> gets the FROM item and must bound its rows by $1.
    /// </summary>
    public static IReadOnlyList<SampleQuery> Attempts(TableInfo table, int sampleRows, Func<string, string> select)
    {
        var rows = Math.Max(table.EstimatedRows, table.LiveTuples);
        if (rows <= sampleRows)
        {
            return [new SampleQuery($"{ToolMarker.Comment} {select(WholeTable(table))}", null, sampleRows)];
        }

        var percent = Math.Clamp(100.0 * sampleRows * Oversampling / rows, 0.0001, 100.0);
        var seed = Seed.ToString(CultureInfo.InvariantCulture);
        return
        [
            .. new[] { "SYSTEM", "BERNOULLI" }.Select(method => new SampleQuery(
                $"{ToolMarker.Comment} {select($"{table.QualifiedName} TABLESAMPLE {method} ($2) REPEATABLE ({seed})")}",
                percent,
                sampleRows)),
        ];
    }

    /// <summary>Every row of the table, read as a sample scan so that seq_scan does not count it.</summary>
    public static string WholeTable(TableInfo table) => $"{table.QualifiedName} TABLESAMPLE SYSTEM (100)";

    /// <summary>What a refusal of the server means for the sample; null for errors that are not the sample's to absorb.</summary>
    public static SampleOutcome? Outcome(PostgresException error) => error.SqlState switch
    {
        PostgresErrorCodes.InsufficientPrivilege => SampleOutcome.Refused,
        PostgresErrorCodes.QueryCanceled => SampleOutcome.TimedOut,
        _ => null,
    };

    public NpgsqlCommand CommandOn(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = Limit });
        if (Percent is { } percent)
        {
            command.Parameters.Add(new NpgsqlParameter<float> { NpgsqlDbType = NpgsqlDbType.Real, TypedValue = (float)percent });
        }

        return command;
    }
}
