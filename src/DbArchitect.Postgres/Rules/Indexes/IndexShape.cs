using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>What duplicate and redundant indexes share: identity of shape, which twin to keep, and the drop finding.</summary>
internal static class IndexShape
{
    public static string Signature(IndexInfo index) => index.TableOid + "\u0001" + Shape(index);

    /// <summary>The signature without the table: the same index on different partitions shares it.</summary>
    public static string Shape(IndexInfo index) => string.Join(
        "\u0001",
        index.Method,
        string.Join("\u0002", index.KeyColumns),
        string.Join("\u0002", index.KeyOptions),
        string.Join("\u0002", index.KeyCollations),
        string.Join("\u0002", index.IncludedColumns),
        index.Predicate ?? "");

    /// <summary>Lower sorts first: constraint-backing or attached to a parent's index, then unique, then most used, then oldest.</summary>
    public static (int, int, long, uint) KeepPreference(IndexInfo index) =>
        (index.IsPrimary || index.ConstraintName is not null || index.ParentIndexOid is not null ? 0 : 1, index.IsUnique ? 0 : 1, -index.Scans, index.Oid);

    /// <summary>
    /// Never drop what a constraint owns, nor a partition's index attached to a parent's index
    /// (PostgreSQL refuses; the parent's index is the one to judge), and never drop uniqueness the
    /// kept index does not enforce.
    /// </summary>
    public static bool MayDrop(IndexInfo drop, IndexInfo keep) =>
        !drop.IsPrimary
        && drop.ConstraintName is null
        && drop.ParentIndexOid is null
        && (!drop.IsUnique || (keep.IsUnique && keep.KeyColumns.SequenceEqual(drop.KeyColumns, StringComparer.Ordinal)));

    /// <summary>
    /// One finding per pair on an ordinary or partitioned table; the pairs on partitions become one
    /// finding per parent and shape, however many partitions repeat them, with one remedy for all.
    /// </summary>
    public static IEnumerable<Finding> DropFindings(
        ISchemaRule rule, CatalogLookup lookup, IEnumerable<(IndexInfo Drop, IndexInfo Keep)> pairs, string relation, string rationale)
    {
        var onPartitions = new List<(IndexInfo Drop, IndexInfo Keep, TableInfo Parent)>();
        foreach (var (drop, keep) in pairs)
        {
            if (lookup.TableOf(drop.TableOid) is { PartitionParentOid: { } parentOid } && lookup.TableOf(parentOid) is { } parent)
            {
                onPartitions.Add((drop, keep, parent));
                continue;
            }

            yield return DropFinding(
                rule, drop, keep, lookup.IndexDdlOnline(drop.TableOid),
                $"Index {IndexStatements.QualifiedName(drop)} {relation} {IndexStatements.QualifiedName(keep)}", rationale);
        }

        foreach (var repeated in onPartitions.GroupBy(p => (p.Parent.Oid, Drop: Shape(p.Drop), Keep: Shape(p.Keep))))
        {
            yield return PartitionsDropFinding(rule, lookup, [.. repeated.Select(p => (p.Drop, p.Keep))], repeated.First().Parent, relation, rationale);
        }
    }

    private static Finding PartitionsDropFinding(
        ISchemaRule rule, CatalogLookup lookup, IReadOnlyList<(IndexInfo Drop, IndexInfo Keep)> pairs, TableInfo parent, string relation, string rationale)
    {
        var (drop, keep) = pairs[0];
        var drops = pairs.Select(p => p.Drop).OrderBy(i => i.Table, StringComparer.Ordinal).ToList();
        var partitions = drops.Select(i => SqlIdentifier.Qualify(i.Schema, i.Table)).ToList();
        var bytes = drops.Sum(i => i.SizeBytes);
        var keys = string.Join(", ", drop.KeyColumns);
        // A partition that is partitioned in turn has a partitioned index, which takes no CONCURRENTLY.
        var online = drops.All(i => lookup.IndexDdlOnline(i.TableOid));
        // Method and predicate keep the subjects of different pairs with the same keys apart.
        var shape = (drop.Method is "btree" ? "" : $" USING {drop.Method}") + (drop.Predicate is null ? "" : $" WHERE {drop.Predicate}");
        return new Finding
        {
            RuleId = rule.Id,
            Subject = $"{parent.QualifiedName} partitions ({keys}){shape}",
            Severity = rule.Severity,
            Area = rule.Area,
            Title = $"On {partitions.Count} partitions of {parent.QualifiedName} an index on ({keys}) {relation} another",
            Rationale = rationale + " Each partition carries the pair as indexes of its own, not attached to an index of the parent, so each can be dropped.",
            Evidence =
            [
                new Evidence("partitions", $"{partitions.Count}: {string.Join(", ", partitions)}"),
                new Evidence("indexes to drop", string.Join(", ", drops.Select(IndexStatements.QualifiedName))),
                new Evidence("index to drop, first partition", $"{drop.Definition} ({MeasureText.Bytes(drop.SizeBytes)}, {MeasureText.Count(drop.Scans)} scans)"),
                new Evidence("index kept, first partition", $"{keep.Definition} ({MeasureText.Bytes(keep.SizeBytes)}, {MeasureText.Count(keep.Scans)} scans)"),
            ],
            Tables = [parent.QualifiedName, .. partitions],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Index,
                Strategy = online ? MigrationStrategy.OnlineDdl : MigrationStrategy.Standard,
                Up = string.Join("\n", drops.Select(i => IndexStatements.Drop(i, online))),
                Down = string.Join("\n", drops.Select(i => IndexStatements.Create(i, online))),
                PerformanceImpact = $"Frees {MeasureText.Bytes(bytes)} and one index write per row change on each of the {partitions.Count} partitions; reads use the kept index of each partition.",
                Testing = $"Before dropping, confirm with EXPLAIN on {parent.QualifiedName} that the queries that used the dropped indexes plan on the kept ones; " +
                    "after, pg_stat_user_indexes shows the kept indexes' idx_scan rising.",
            },
        };
    }

    private static Finding DropFinding(ISchemaRule rule, IndexInfo drop, IndexInfo keep, bool online, string title, string rationale)
    {
        var table = SqlIdentifier.Qualify(drop.Schema, drop.Table);
        return new Finding
        {
            RuleId = rule.Id,
            Subject = IndexStatements.QualifiedName(drop),
            Severity = rule.Severity,
            Area = rule.Area,
            Title = title,
            Rationale = rationale,
            Evidence =
            [
                new Evidence("index to drop", $"{drop.Definition} ({MeasureText.Bytes(drop.SizeBytes)}, {MeasureText.Count(drop.Scans)} scans)"),
                new Evidence("index kept", $"{keep.Definition} ({MeasureText.Bytes(keep.SizeBytes)}, {MeasureText.Count(keep.Scans)} scans)"),
            ],
            Tables = [table],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Index,
                Strategy = online ? MigrationStrategy.OnlineDdl : MigrationStrategy.Standard,
                Up = IndexStatements.Drop(drop, online),
                Down = IndexStatements.Create(drop, online),
                PerformanceImpact = $"Frees {MeasureText.Bytes(drop.SizeBytes)} and one index write per row change on {table}; reads use {IndexStatements.QualifiedName(keep)}." +
                    (online ? "" : PartitionedLock.Note),
                Testing = $"Before dropping, confirm with EXPLAIN that the queries that used {IndexStatements.QualifiedName(drop)} plan on {IndexStatements.QualifiedName(keep)}; " +
                    "after, pg_stat_user_indexes shows the kept index's idx_scan rising.",
            },
        };
    }
}
