namespace DbArchitect.Postgres.Catalog;

/// <summary>pg_stats for one column, where the session may read it.</summary>
public sealed record ColumnStatistics
{
    public required string Schema { get; init; }
    public required string Table { get; init; }
    public required string Column { get; init; }
    public required double NullFraction { get; init; }
    public required int AverageWidth { get; init; }

    /// <summary>pg_stats.n_distinct: positive = count, negative = fraction of rows.</summary>
    public required double DistinctValues { get; init; }

    /// <summary>Most common values as text, in order.</summary>
    public IReadOnlyList<string> MostCommonValues { get; init; } = [];
    public IReadOnlyList<double> MostCommonFrequencies { get; init; } = [];

    /// <summary>Physical order correlation, -1..1; null when not computed.</summary>
    public double? Correlation { get; init; }
}
