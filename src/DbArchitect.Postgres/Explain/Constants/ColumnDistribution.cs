using Dapper;
using DbArchitect.Postgres.Catalog.Reading;
using Npgsql;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// How one column's values are distributed, as ANALYZE recorded it in pg_stats: its most common
/// values and the histogram over the rest, in their text form so that any column type reads the
/// same way. Read per column on demand (the catalog snapshot leaves histograms out: they are large).
/// </summary>
public sealed record ColumnDistribution
{
    /// <summary>Most common values, most frequent first (SQL NULLs never appear here).</summary>
    public IReadOnlyList<string> MostCommonValues { get; init; } = [];

    /// <summary>Fraction of rows of each most common value, same order.</summary>
    public IReadOnlyList<double> MostCommonFrequencies { get; init; } = [];

    /// <summary>Bounds of equal-population buckets over the values that are not most common, ascending.</summary>
    public IReadOnlyList<string> HistogramBounds { get; init; } = [];

    public double NullFraction { get; init; }

    /// <summary>Distinct non-null values (n_distinct, scaled by the table's rows when PostgreSQL stored it as a fraction).</summary>
    public double DistinctValues { get; init; }

    /// <summary>Fraction of rows left for values outside the most-common list.</summary>
    public double OtherFraction => Math.Max(0, 1 - NullFraction - MostCommonFrequencies.Sum());

    /// <summary>The fraction of rows the planner expects for one value outside the most-common list.</summary>
    public double OtherValueFraction => OtherFraction / Math.Max(1, DistinctValues - MostCommonValues.Count);

    private const string Query = """
        SELECT s.most_common_vals::text AS mostcommonvalues, s.most_common_freqs::float8[] AS mostcommonfrequencies,
               s.histogram_bounds::text AS histogrambounds, s.null_frac::float8 AS nullfraction,
               CASE WHEN s.n_distinct >= 0 THEN s.n_distinct ELSE -s.n_distinct * greatest(c.reltuples, 0) END::float8 AS distinctvalues
        FROM pg_catalog.pg_stats AS s
        JOIN pg_catalog.pg_namespace AS n ON n.nspname = s.schemaname
        JOIN pg_catalog.pg_class AS c ON c.relnamespace = n.oid AND c.relname = s.tablename
        WHERE s.schemaname = @schema AND s.tablename = @table AND s.attname = @column
        ORDER BY s.inherited
        LIMIT 1
        """;

    /// <summary>The column's distribution, or null when the column has never been analysed (or is not readable).</summary>
    public static async Task<ColumnDistribution?> ReadAsync(NpgsqlDataSource dataSource, string schema, string table, string column, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<DistributionRow>(new CommandDefinition(Query, new { schema, table, column }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new ColumnDistribution
        {
            MostCommonValues = row.MostCommonValues is null ? [] : NonNull(ArrayLiteral.Parse(row.MostCommonValues)),
            MostCommonFrequencies = row.MostCommonFrequencies ?? [],
            HistogramBounds = row.HistogramBounds is null ? [] : NonNull(ArrayLiteral.Parse(row.HistogramBounds)),
            NullFraction = row.NullFraction,
            DistinctValues = row.DistinctValues,
        };
    }

    /// <summary>
    /// The pg_stats row as Dapper maps it (the aliases are the properties' names): arrays of any
    /// type come as text. Properties, not a constructor: Dapper matches a constructor's array
    /// parameter by the reader's declared type, System.Array.
    /// </summary>
    private sealed record DistributionRow
    {
        public string? MostCommonValues { get; init; }
        public double[]? MostCommonFrequencies { get; init; }
        public string? HistogramBounds { get; init; }
        public double NullFraction { get; init; }
        public double DistinctValues { get; init; }
    }

    private static List<string> NonNull(IReadOnlyList<string?> values) => values.OfType<string>().ToList();
}
