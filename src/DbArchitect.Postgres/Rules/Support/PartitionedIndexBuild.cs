using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// An index on a partitioned table built without locking the whole tree for its duration, which a
/// plain CREATE INDEX on the parent does (PostgreSQL 15 has no CONCURRENTLY there): the parent's
/// index is created ON ONLY the parent (catalog only, invalid until complete), each leaf partition's
/// index CONCURRENTLY, and every child attached; the parent's index becomes valid once the last
/// child is attached. Dropping the parent's index drops every attached child, which is the rollback.
/// </summary>
internal static class PartitionedIndexBuild
{
    /// <summary>The statements for <paramref name="index"/> on <paramref name="table"/> and, below it, its partitions' copies of it.</summary>
    /// <param name="lookup">The snapshot's partition tree.</param>
    /// <param name="table">The partitioned table (or, recursing, a partition) the index is for.</param>
    /// <param name="index">The index on <paramref name="table"/>, named; each partition's is the same under <paramref name="childName"/>.</param>
    /// <param name="childName">The index name for a partition of the tree.</param>
    /// <param name="attachTo">The qualified parent index <paramref name="table"/>'s index is attached to, if any.</param>
    public static IEnumerable<string> Statements(
        CatalogLookup lookup, TableInfo table, IndexCandidate index, Func<TableInfo, string> childName, string? attachTo)
    {
        var partitioned = table.Kind == TableKind.PartitionedTable;
        yield return partitioned ? index.CreateOnParentOnly : index.CreateStatement;
        if (attachTo is not null)
        {
            yield return $"ALTER INDEX {attachTo} ATTACH PARTITION {index.QualifiedName};";
        }

        if (!partitioned)
        {
            yield break;
        }

        foreach (var partition in lookup.PartitionsOf(table).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var share = index with { Schema = partition.Schema, Table = partition.Name, Name = childName(partition) };
            foreach (var statement in Statements(lookup, partition, share, childName, index.QualifiedName))
            {
                yield return statement;
            }
        }
    }

    public const string Impact =
        " The parent's index is created ON ONLY the parent and stays invalid (unused) until every partition's index, built CONCURRENTLY, is attached; " +
        "no statement blocks writes for longer than a catalog update. CONCURRENTLY cannot run in a transaction block: run the script statement by statement.";
}
