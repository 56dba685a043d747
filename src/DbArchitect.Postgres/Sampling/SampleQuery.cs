using System.Globalization;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// The SELECT that samples one table: every column but bytea as text cut to 200 characters, rows
/// drawn by TABLESAMPLE with a fixed seed (the same database gives the same sample, so findings
/// keep their IDs), or the first rows of a table too small to need sampling.
/// </summary>
internal sealed record SampleQuery(string Sql, double? Percent, int Limit)
{
    public const int MaxTextLength = 200;
    private const int Seed = 20_260_101;

    /// <summary>TABLESAMPLE picks whole pages (SYSTEM) or rows (BERNOULLI) by chance; asking for twice the rows keeps LIMIT the usual bound.</summary>
    private const double Oversampling = 2.0;

    public static SampleQuery For(TableInfo table, IReadOnlyList<ColumnInfo> columns, int sampleRows, string method)
    {
        var selectList = string.Join(", ", columns.Select(c => $"left({SqlIdentifier.Quote(c.Name)}::text, {MaxTextLength.ToString(CultureInfo.InvariantCulture)})"));
        var rows = Math.Max(table.EstimatedRows, table.LiveTuples);
        if (rows <= sampleRows)
        {
            return new SampleQuery($"{ToolMarker.Comment} SELECT {selectList} FROM {table.QualifiedName} LIMIT $1", null, sampleRows);
        }

        var percent = Math.Clamp(100.0 * sampleRows * Oversampling / rows, 0.0001, 100.0);
        return new SampleQuery(
            $"{ToolMarker.Comment} SELECT {selectList} FROM {table.QualifiedName} TABLESAMPLE {method} ($2) REPEATABLE ({Seed.ToString(CultureInfo.InvariantCulture)}) LIMIT $1",
            percent,
            sampleRows);
    }
}
