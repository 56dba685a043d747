namespace DbArchitect.Postgres.Catalog.Reading;

internal static class ColumnStatisticsQuery
{
    public static readonly CatalogQuery<ColumnStatistics> Query = new("column_statistics", row => new ColumnStatistics
    {
        Schema = row.Name("schema"),
        Table = row.Name("table"),
        Column = row.Name("column"),
        NullFraction = row.Double("null_fraction"),
        AverageWidth = row.Int("average_width"),
        DistinctValues = row.Double("distinct_values"),
        // pg_stats never lists NULL among the most common values (null_frac counts NULLs).
        MostCommonValues = row.NullableString("most_common_values") is { } literal ? [.. ArrayLiteral.Parse(literal).OfType<string>()] : [],
        MostCommonFrequencies = row.Doubles("most_common_frequencies"),
        Correlation = row.NullableDouble("correlation"),
    });
}
