using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>What the catalog says about one table that candidate generation needs: columns, statistics, indexes.</summary>
internal sealed record TableFacts(TableInfo Table, IReadOnlyDictionary<string, ColumnInfo> Columns, IReadOnlyDictionary<string, ColumnStatistics> Statistics, IReadOnlyList<IndexInfo> Indexes)
{
    /// <summary>Columns that identify rows or other rows: in a foreign key, or the single key of a unique index.</summary>
    public IReadOnlySet<string> KeyColumns { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<(string Schema, string Table), TableFacts> Index(CatalogSnapshot snapshot)
    {
        var columns = snapshot.Columns.ToLookup(c => (c.Schema, c.Table));
        var statistics = snapshot.ColumnStatistics.ToLookup(s => (s.Schema, s.Table));
        var indexes = snapshot.Indexes.ToLookup(i => (i.Schema, i.Table));
        var foreignKeys = snapshot.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey).ToLookup(c => (c.Schema, c.Table));
        return snapshot.Tables.ToDictionary(
            t => (t.Schema, t.Name),
            t => new TableFacts(
                t,
                columns[(t.Schema, t.Name)].ToDictionary(c => c.Name),
                statistics[(t.Schema, t.Name)].DistinctBy(s => s.Column).ToDictionary(s => s.Column),
                indexes[(t.Schema, t.Name)].Where(i => i.IsValid).ToList())
            {
                KeyColumns = foreignKeys[(t.Schema, t.Name)].SelectMany(c => c.Columns)
                    .Concat(indexes[(t.Schema, t.Name)].Where(i => i.IsUnique && i.KeyColumns.Count == 1).Select(i => i.KeyColumns[0]))
                    .ToHashSet(StringComparer.Ordinal),
            });
    }

    public double Rows => Math.Max(Table.EstimatedRows, 0);

    /// <summary>Distinct values of a column (pg_stats' n_distinct is a fraction of the rows when negative); 0 when unknown.</summary>
    public double Distinct(string column) =>
        Statistics.TryGetValue(column, out var s) ? s.DistinctValues >= 0 ? s.DistinctValues : -s.DistinctValues * Rows : 0;

    /// <summary>
    /// Fraction of rows holding the value: its most-common-value frequency, else the rows the MCVs
    /// leave spread over the remaining distinct values. Null without statistics.
    /// </summary>
    public double? Frequency(string column, string value)
    {
        if (!Statistics.TryGetValue(column, out var s))
        {
            return null;
        }

        var at = s.MostCommonValues.ToList().IndexOf(value);
        if (at >= 0 && at < s.MostCommonFrequencies.Count)
        {
            return s.MostCommonFrequencies[at];
        }

        var rest = 1 - s.NullFraction - s.MostCommonFrequencies.Sum();
        var others = Distinct(column) - s.MostCommonValues.Count;
        return others >= 1 ? Math.Max(rest, 0) / others : Math.Max(rest, 0);
    }

    public double NullFraction(string column) => Statistics.TryGetValue(column, out var s) ? s.NullFraction : 0;

    public double? Correlation(string column) => Statistics.TryGetValue(column, out var s) ? s.Correlation : null;

    public int AverageWidth(string column) => Statistics.TryGetValue(column, out var s) ? s.AverageWidth : 8;
}
