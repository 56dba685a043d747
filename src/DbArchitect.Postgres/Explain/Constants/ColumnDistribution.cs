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
        SELECT s.most_common_vals::text, s.most_common_freqs::float8[], s.histogram_bounds::text, s.null_frac::float8,
               CASE WHEN s.n_distinct >= 0 THEN s.n_distinct ELSE -s.n_distinct * greatest(c.reltuples, 0) END::float8
        FROM pg_catalog.pg_stats AS s
        JOIN pg_catalog.pg_namespace AS n ON n.nspname = s.schemaname
        JOIN pg_catalog.pg_class AS c ON c.relnamespace = n.oid AND c.relname = s.tablename
        WHERE s.schemaname = $1 AND s.tablename = $2 AND s.attname = $3
        ORDER BY s.inherited
        LIMIT 1
        """;

    /// <summary>The column's distribution, or null when the column has never been analysed (or is not readable).</summary>
    public static async Task<ColumnDistribution?> ReadAsync(NpgsqlDataSource dataSource, string schema, string table, string column, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = column });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ColumnDistribution
        {
            MostCommonValues = reader.IsDBNull(0) ? [] : NonNull(ArrayLiteral.Parse(reader.GetString(0))),
            MostCommonFrequencies = reader.IsDBNull(1) ? [] : reader.GetFieldValue<double[]>(1),
            HistogramBounds = reader.IsDBNull(2) ? [] : NonNull(ArrayLiteral.Parse(reader.GetString(2))),
            NullFraction = reader.GetDouble(3),
            DistinctValues = reader.GetDouble(4),
        };
    }

    private static List<string> NonNull(IReadOnlyList<string?> values) => values.OfType<string>().ToList();
}
