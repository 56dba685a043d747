using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// A partition without its share of an index its partitioned parent has. PostgreSQL creates the
/// share itself when a partition is created or attached after the index; the gaps come from indexes
/// built ON ONLY the parent and never completed. The parent's index then stays invalid, so no query
/// on the parent uses it on any partition, and queries on the partition read it without the index.
/// </summary>
public sealed class PartitionMissingParentIndexRule : ISchemaRule
{
    public string Id => "partition-missing-parent-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        // PostgreSQL adds a constraint's index to every partition itself (ALTER TABLE ONLY refuses
        // while partitions exist), so only plain partitioned indexes can have gaps.
        foreach (var parentIndex in facts.Snapshot.Indexes.Where(i => i.IsPartitioned && i.ConstraintName is null))
        {
            if (lookup.TableOf(parentIndex.TableOid) is not { } parent)
            {
                continue;
            }

            var covered = lookup.AttachedTo(parentIndex).Select(i => i.TableOid).ToHashSet();
            foreach (var partition in lookup.PartitionsOf(parent).Where(p => !covered.Contains(p.Oid)).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                yield return Report(lookup, parent, parentIndex, partition);
            }
        }
    }

    private Finding Report(CatalogLookup lookup, TableInfo parent, IndexInfo parentIndex, TableInfo partition)
    {
        var parentName = IndexStatements.QualifiedName(parentIndex);
        // The parent index's name with the parent's table name replaced by the partition's, as PostgreSQL names them.
        var suffix = parentIndex.Name.StartsWith(parent.Name + "_", StringComparison.Ordinal) ? parentIndex.Name[(parent.Name.Length + 1)..] : parentIndex.Name;
        string ChildName(TableInfo table) => ObjectNames.Derive(table.Name, suffix);
        var name = ChildName(partition);
        var up = PartitionedIndexBuild.Statements(lookup, partition, IndexCandidate.CopyOf(parentIndex, partition, name), ChildName, parentName);
        return new Finding
        {
            RuleId = Id,
            Subject = $"{partition.QualifiedName} missing {parentName}",
            Severity = Severity,
            Area = Area,
            Title = $"Partition {partition.QualifiedName} has no index attached to {parentName} of {parent.QualifiedName}",
            Rationale = $"{parentName} is defined on {parent.QualifiedName} but {partition.QualifiedName} has no index attached to it, " +
                "so the parent's index is invalid: the planner ignores it for the parent's queries, and lookups on this partition read it whole." +
                (parentIndex.IsUnique ? " Uniqueness is not enforced in this partition either." : ""),
            Evidence =
            [
                new Evidence("parent index", parentIndex.Definition),
                new Evidence("pg_index.indisvalid of the parent index", parentIndex.IsValid ? "true" : "false"),
                new Evidence("partition", $"{partition.QualifiedName} {partition.PartitionBound}"),
                new Evidence("estimated rows in partition", MeasureText.Count(Math.Max(lookup.RowsOf(partition), 0))),
            ],
            Tables = [parent.QualifiedName, partition.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Index,
                Strategy = MigrationStrategy.OnlineDdl,
                Up = string.Join("\n", up),
                Down = string.Join("\n", Restore(lookup, parentIndex, attachTo: null)),
                Creates = [SqlIdentifier.Qualify(partition.Schema, name)],
                PerformanceImpact = $"Once attached, {parentName} becomes valid (when no other partition lacks it) and the planner uses it on every partition; writes to {partition.QualifiedName} maintain one more index." +
                    PartitionedIndexBuild.Impact,
                Testing = $"SELECT indisvalid FROM pg_index WHERE indexrelid = {SqlIdentifier.Literal(parentName)}::regclass returns true once every partition has its index; " +
                    $"SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = {SqlIdentifier.Literal(parentName)}::regclass lists {name}.",
            },
        };
    }

    // A partition's index cannot be detached or dropped alone once attached, so going back means
    // dropping the parent's index and rebuilding it with the children it had.
    private static IEnumerable<string> Restore(CatalogLookup lookup, IndexInfo index, string? attachTo)
    {
        if (attachTo is null)
        {
            yield return IndexStatements.Drop(index, online: false);
        }

        yield return IndexStatements.Create(index, online: !index.IsPartitioned);
        if (attachTo is not null)
        {
            yield return $"ALTER INDEX {attachTo} ATTACH PARTITION {IndexStatements.QualifiedName(index)};";
        }

        foreach (var child in lookup.AttachedTo(index).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            foreach (var statement in Restore(lookup, child, IndexStatements.QualifiedName(index)))
            {
                yield return statement;
            }
        }
    }
}
