using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>Two indexes identical in method, keys, operator classes, INCLUDE columns and predicate: one is pure write cost.</summary>
public sealed class DuplicateIndexRule : ISchemaRule
{
    public string Id => "duplicate-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = new CatalogLookup(facts.Snapshot);

        // A partition's indexes mirror its parent's; the parent's finding covers them.
        var comparable = facts.Snapshot.Indexes.Where(i => i.IsValid && !lookup.IsPartition(i.TableOid));
        foreach (var twins in comparable.GroupBy(IndexShape.Signature).Where(g => g.Count() > 1))
        {
            var keep = twins.OrderBy(IndexShape.KeepPreference).First();
            foreach (var drop in twins.Where(i => i != keep && IndexShape.MayDrop(i, keep)))
            {
                yield return IndexShape.DropFinding(
                    this,
                    drop,
                    keep,
                    lookup.IndexDdlOnline(drop.TableOid),
                    $"Index {IndexStatements.QualifiedName(drop)} duplicates {IndexStatements.QualifiedName(keep)}",
                    "Both indexes hold the same entries; every insert and update writes both and the planner can only ever need one.");
            }
        }
    }
}
