namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>Column names by table oid and attnum, to name the attnums that pg_index and pg_constraint store.</summary>
internal sealed class ColumnNames(IReadOnlyList<ColumnInfo> columns)
{
    private readonly Dictionary<(uint Table, int Position), string> _names =
        columns.ToDictionary(c => (c.TableOid, c.Position), c => c.Name);

    /// <summary>The column's name; "#n" for a column outside the snapshot (of a table owned by an extension).</summary>
    public string Name(uint table, int position) =>
        _names.TryGetValue((table, position), out var name) ? name : $"#{position}";

    public string[] Names(uint table, IEnumerable<short> positions) => [.. positions.Select(p => Name(table, p))];
}
