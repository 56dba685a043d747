using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sampling;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>A table's row sample seen column by column, paired with the catalog's column records.</summary>
internal sealed class SampleColumns
{
    private readonly TableSample _sample;
    private readonly Dictionary<string, int> _positions;

    public SampleColumns(TableSample sample, IEnumerable<ColumnInfo> columns)
    {
        _sample = sample;
        _positions = sample.Columns.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        Columns = columns.Where(c => _positions.ContainsKey(c.Name)).ToList();
    }

    /// <summary>Catalog columns present in the sample, in table order.</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    public int RowCount => _sample.Rows.Count;

    public IEnumerable<string?> Values(ColumnInfo column)
    {
        var position = _positions[column.Name];
        return _sample.Rows.Select(row => row[position]);
    }

    public IEnumerable<string?[]> Rows => _sample.Rows;

    public int PositionOf(ColumnInfo column) => _positions[column.Name];

    public static SampleColumns? For(AnalysisFacts facts, CatalogLookup lookup, TableInfo table) =>
        facts.Samples.TryGetValue(table.Oid, out var sample) ? new SampleColumns(sample, lookup.ColumnsOf(table)) : null;
}
