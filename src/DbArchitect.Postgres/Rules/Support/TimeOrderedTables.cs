using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Finds the column a table is physically ordered by in time: a timestamp or date whose planner
/// statistics show near-perfect correlation between value order and row order. That is what makes
/// both range partitions and BRIN indexes pay off.
/// </summary>
internal static class TimeOrderedTables
{
    public const double MinimumCorrelation = 0.9;

    /// <summary>Updates plus deletes may be at most this share of inserts for a table to count as append-mostly.</summary>
    public const double MaximumChurn = 0.1;

    private static readonly HashSet<string> TimeTypes = new(StringComparer.Ordinal) { "timestamp", "timestamptz", "date" };

    /// <summary>Name parts of bookkeeping stamps (created_at, updatedAt, date_inserted, ...), matched as prefixes.</summary>
    private static readonly string[] AuditStems = ["creat", "updat", "modif", "insert", "delet", "chang"];

    public static (ColumnInfo Column, double Correlation)? TimeColumn(CatalogLookup lookup, TableInfo table) =>
        lookup.ColumnsOf(table)
            .Where(c => TimeTypes.Contains(c.TypeName))
            .Select(c => (Column: c, Correlation: lookup.StatisticsOf(c)?.Correlation ?? 0))
            .Where(c => c.Correlation >= MinimumCorrelation)
            .OrderByDescending(c => c.Correlation)
            .ThenByDescending(c => c.Column.Name.Contains("created", StringComparison.Ordinal))
            .Cast<(ColumnInfo, double)?>()
            .FirstOrDefault();

    /// <summary>
    /// The time-ordered column that records when the row's event happened (recorded_at, taken_at,
    /// shipped_at), not when the row was written. Nearly every table has a created_at that rises with
    /// the insert order, so that alone says nothing about how the table is queried; a table built
    /// around its own event time is a time series, and ranges of that time are what it is read by.
    /// </summary>
    public static (ColumnInfo Column, double Correlation)? EventTimeColumn(CatalogLookup lookup, TableInfo table) =>
        lookup.ColumnsOf(table)
            .Where(c => TimeTypes.Contains(c.TypeName) && !IsAuditStamp(c.Name))
            .Select(c => (Column: c, Correlation: lookup.StatisticsOf(c)?.Correlation ?? 0))
            .Where(c => c.Correlation >= MinimumCorrelation)
            .OrderByDescending(c => c.Correlation)
            .ThenBy(c => c.Column.Name, StringComparer.Ordinal)
            .Cast<(ColumnInfo, double)?>()
            .FirstOrDefault();

    public static bool IsAuditStamp(string columnName) =>
        columnName.ToLowerInvariant().Split('_').Any(part => AuditStems.Any(stem => part.StartsWith(stem, StringComparison.Ordinal)));

    public static bool IsAppendMostly(TableInfo table) =>
        table.Inserts > 0 && table.Updates + table.Deletes <= table.Inserts * MaximumChurn;
}
