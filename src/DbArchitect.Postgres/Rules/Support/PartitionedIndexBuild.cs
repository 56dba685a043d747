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
    /// <summary>The statements for <paramref name="table"/>'s index <paramref name="name"/> and, below it, its partitions'.</summary>
    /// <param name="lookup">The snapshot's partition tree.</param>
    /// <param name="table">The partitioned table (or, recursing, a partition) the index is for.</param>
    /// <param name="name">The index's unqualified name; it is created in the table's schema.</param>
    /// <param name="create">"CREATE INDEX" or "CREATE UNIQUE INDEX".</param>
    /// <param name="body">What follows the table in the statement, e.g. <c>USING btree (customer_id)</c>.</param>
    /// <param name="childName">The index name for a partition of the tree.</param>
    /// <param name="attachTo">The qualified parent index <paramref name="table"/>'s index is attached to, if any.</param>
    public static IEnumerable<string> Statements(
        CatalogLookup lookup, TableInfo table, string name, string create, string body, Func<TableInfo, string> childName, string? attachTo)
    {
        var qualified = SqlIdentifier.Qualify(table.Schema, name);
        var partitioned = table.Kind == TableKind.PartitionedTable;
        yield return partitioned
            ? $"{create} {SqlIdentifier.Quote(name)} ON ONLY {table.QualifiedName} {body};"
            : $"{create} CONCURRENTLY {SqlIdentifier.Quote(name)} ON {table.QualifiedName} {body};";
        if (attachTo is not null)
        {
            yield return $"ALTER INDEX {attachTo} ATTACH PARTITION {qualified};";
        }

        if (!partitioned)
        {
            yield break;
        }

        foreach (var partition in lookup.PartitionsOf(table).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            foreach (var statement in Statements(lookup, partition, childName(partition), create, body, childName, qualified))
            {
                yield return statement;
            }
        }
    }

    public const string Impact =
        " The parent's index is created ON ONLY the parent and stays invalid (unused) until every partition's index, built CONCURRENTLY, is attached; " +
        "no statement blocks writes for longer than a catalog update. CONCURRENTLY cannot run in a transaction block: run the script statement by statement.";
}
