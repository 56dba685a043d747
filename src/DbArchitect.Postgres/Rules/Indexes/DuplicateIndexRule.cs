using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// Two indexes identical in method, keys, operator classes, INCLUDE columns and predicate: one is
/// pure write cost. The same pair on many partitions is one finding on their parent.
/// </summary>
public sealed class DuplicateIndexRule : ISchemaRule
{
    public string Id => "duplicate-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.UnjustifiedIndexes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var pairs =
            from twins in facts.Snapshot.Indexes.Where(i => i.IsValid).GroupBy(IndexShape.Signature)
            where twins.Count() > 1
            let keep = twins.OrderBy(IndexShape.KeepPreference).First()
            from drop in twins
            where drop != keep && IndexShape.MayDrop(drop, keep)
            select (drop, keep);
        return IndexShape.DropFindings(
            this,
            lookup,
            pairs,
            "duplicates",
            "Both indexes hold the same entries; every insert and update writes both and the planner can only ever need one.");
    }
}
