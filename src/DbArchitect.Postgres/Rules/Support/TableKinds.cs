using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Which tables are partitioned parents or partitions, by oid. Index rules need it: a partition's
/// indexes usually belong to its parent's index and cannot be dropped alone, and a partitioned
/// parent allows no CONCURRENTLY.
/// </summary>
internal sealed class TableKinds(AnalysisFacts facts)
{
    private readonly Dictionary<uint, TableInfo> _tables = facts.Snapshot.Tables.ToDictionary(t => t.Oid);

    public bool IsPartition(uint oid) => _tables.TryGetValue(oid, out var table) && table.IsPartition;

    public bool IsPartitioned(uint oid) => _tables.TryGetValue(oid, out var table) && table.Kind == TableKind.PartitionedTable;

    /// <summary>True when index DDL on this table may use CONCURRENTLY.</summary>
    public bool Online(uint oid) => !IsPartitioned(oid);
}
