using System.Runtime.CompilerServices;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// The snapshot indexed by table, so that rules stay linear in the size of the catalog instead of
/// scanning every list for every table. Built once per snapshot, however many rules ask for it: a
/// snapshot never changes, and building the lookup reads the whole catalog, which some thirty
/// rules each did again.
/// </summary>
internal sealed class CatalogLookup
{
    private static readonly HashSet<string> SystemSchemas = new(StringComparer.Ordinal) { "pg_catalog", "information_schema", "pg_toast" };

    private readonly ILookup<uint, ColumnInfo> _columns;
    private readonly ILookup<uint, ConstraintInfo> _constraints;
    private readonly ILookup<uint, IndexInfo> _indexes;
    private readonly ILookup<uint, TableInfo> _partitions;
    private readonly ILookup<uint, IndexInfo> _attachedIndexes;
    private readonly Dictionary<(string Schema, string Table, string Column), ColumnStatistics> _statistics;
    private readonly Dictionary<(string Schema, string Name), TableInfo> _tablesByName;
    private readonly Dictionary<uint, TableInfo> _tablesByOid;

    private static readonly ConditionalWeakTable<CatalogSnapshot, CatalogLookup> Built = new();

    private CatalogLookup(CatalogSnapshot snapshot)
    {
        Snapshot = snapshot;
        _columns = snapshot.Columns.OrderBy(c => c.Position).ToLookup(c => c.TableOid);
        _constraints = snapshot.Constraints.ToLookup(c => c.TableOid);
        _indexes = snapshot.Indexes.ToLookup(i => i.TableOid);
        _attachedIndexes = snapshot.Indexes.Where(i => i.ParentIndexOid is not null).ToLookup(i => i.ParentIndexOid!.Value);
        _partitions = snapshot.Tables.Where(t => t.PartitionParentOid is not null).ToLookup(t => t.PartitionParentOid!.Value);
        _statistics = snapshot.ColumnStatistics
            .GroupBy(s => (s.Schema, s.Table, s.Column))
            .ToDictionary(g => g.Key, g => g.First());
        _tablesByName = snapshot.Tables.GroupBy(t => (t.Schema, t.Name)).ToDictionary(g => g.Key, g => g.First());
        _tablesByOid = snapshot.Tables.DistinctBy(t => t.Oid).ToDictionary(t => t.Oid);
        DesignTables = snapshot.Tables
            .Where(t => t.Kind is TableKind.Table or TableKind.PartitionedTable && !t.IsPartition && !SystemSchemas.Contains(t.Schema))
            .OrderBy(t => t.Schema, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static CatalogLookup Of(CatalogSnapshot snapshot) => Built.GetValue(snapshot, built => new CatalogLookup(built));

    public CatalogSnapshot Snapshot { get; }

    /// <summary>User tables whose design is the user's to change: ordinary and partitioned tables, not partitions.</summary>
    public IReadOnlyList<TableInfo> DesignTables { get; }

    public IEnumerable<ColumnInfo> ColumnsOf(TableInfo table) => _columns[table.Oid];

    public IEnumerable<ConstraintInfo> ConstraintsOf(TableInfo table) => _constraints[table.Oid];

    public IEnumerable<IndexInfo> IndexesOf(TableInfo table) => _indexes[table.Oid];

    public ConstraintInfo? PrimaryKeyOf(TableInfo table) => ConstraintsOf(table).FirstOrDefault(c => c.Kind == ConstraintKind.PrimaryKey);

    /// <summary>Whether the sequence fills a primary-key column: the key-exhaustion rule's, not the sequence rule's.</summary>
    public bool FeedsPrimaryKey(SequenceInfo sequence) =>
        sequence.OwnedByTable is not null && FindTable(sequence.OwnedBySchema!, sequence.OwnedByTable) is { } table
        && PrimaryKeyOf(table)?.Columns.Contains(sequence.OwnedByColumn!) == true;

    public ColumnStatistics? StatisticsOf(ColumnInfo column) =>
        _statistics.GetValueOrDefault((column.Schema, column.Table, column.Name));

    public TableInfo? FindTable(string schema, string name) => _tablesByName.GetValueOrDefault((schema, name));

    public TableInfo? TableOf(uint oid) => _tablesByOid.GetValueOrDefault(oid);

    /// <summary>The direct partitions of a partitioned table; some may be partitioned in turn.</summary>
    public IEnumerable<TableInfo> PartitionsOf(TableInfo table) => _partitions[table.Oid];

    /// <summary>The partitions that hold rows: every partition of the tree that is not itself partitioned.</summary>
    public IEnumerable<TableInfo> LeafPartitionsOf(TableInfo table) =>
        PartitionsOf(table).SelectMany(p => p.Kind == TableKind.PartitionedTable ? LeafPartitionsOf(p) : [p]);

    /// <summary>The partitions' indexes attached to a partitioned index.</summary>
    public IEnumerable<IndexInfo> AttachedTo(IndexInfo index) => _attachedIndexes[index.Oid];

    /// <summary>
    /// Rows of a table, summed over its leaf partitions when it is partitioned: the parent's own
    /// reltuples is not kept up to date by autovacuum, which never analyzes a partitioned table.
    /// </summary>
    public double RowsOf(TableInfo table) =>
        table.Kind == TableKind.PartitionedTable ? LeafPartitionsOf(table).Sum(p => Math.Max(p.EstimatedRows, 0)) : table.EstimatedRows;

    /// <summary>Table and index bytes, summed over the leaf partitions of a partitioned table (which has no storage of its own).</summary>
    public long TotalBytesOf(TableInfo table) =>
        table.Kind == TableKind.PartitionedTable ? LeafPartitionsOf(table).Sum(p => p.TotalBytes) : table.TotalBytes;

    public bool TableExists(string schema, string name) => _tablesByName.ContainsKey((schema, name));

    // Index rules need the next three: a partition's indexes usually belong to its parent's index and
    // cannot be dropped alone, and a partitioned parent allows no CONCURRENTLY.
    public bool IsPartition(uint tableOid) => _tablesByOid.TryGetValue(tableOid, out var table) && table.IsPartition;

    public bool IsPartitioned(uint tableOid) => _tablesByOid.TryGetValue(tableOid, out var table) && table.Kind == TableKind.PartitionedTable;

    /// <summary>True when index DDL on this table may use CONCURRENTLY.</summary>
    public bool IndexDdlOnline(uint tableOid) =>
        !_tablesByOid.TryGetValue(tableOid, out var table) || IndexStatements.OnlineAllowed(table.Kind);

    /// <summary>Columns that are part of a primary key or a unique constraint: candidate keys, not attributes.</summary>
    public HashSet<string> KeyColumnsOf(TableInfo table) =>
        ConstraintsOf(table)
            .Where(c => c.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique)
            .SelectMany(c => c.Columns)
            .Concat(IndexesOf(table).Where(i => i.IsUnique && i.Predicate is null && i.KeyColumns.Count == 1).SelectMany(i => i.KeyColumns))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Columns that alone reference another table (the column of each single-column foreign key).</summary>
    public HashSet<string> ReferencingColumnsOf(TableInfo table) =>
        ConstraintsOf(table)
            .Where(c => c.Kind == ConstraintKind.ForeignKey && c.Columns.Count == 1)
            .Select(c => c.Columns[0])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>True when some valid index starts with the column, so lookups and FK checks on it are served.</summary>
    public bool HasIndexLeadingWith(TableInfo table, string column) =>
        IndexesOf(table).Any(i => i.IsValid && i.KeyColumns.Count > 0 && i.KeyColumns[0] == column);
}
