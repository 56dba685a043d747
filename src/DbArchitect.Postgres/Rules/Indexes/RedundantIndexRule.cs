using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// A b-tree whose keys are a strict leading prefix of another b-tree with the same predicate: the
/// longer index answers every lookup the shorter one can, so the shorter one is write cost only.
/// The same pair on many partitions is one finding on their parent.
/// </summary>
public sealed class RedundantIndexRule : ISchemaRule
{
    public string Id => "redundant-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.UnjustifiedIndexes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var pairs = new List<(IndexInfo, IndexInfo)>();
        foreach (var sameTable in facts.Snapshot.Indexes.Where(i => i.IsValid && i.Method is "btree").GroupBy(i => i.TableOid))
        {
            var indexes = sameTable.ToList();
            foreach (var shorter in indexes)
            {
                var covering = indexes
                    .Where(longer => longer != shorter && Covers(longer, shorter) && IndexShape.MayDrop(shorter, longer))
                    .OrderBy(IndexShape.KeepPreference)
                    .FirstOrDefault();
                if (covering is not null)
                {
                    pairs.Add((shorter, covering));
                }
            }
        }

        return IndexShape.DropFindings(
            this,
            lookup,
            pairs,
            "is a left prefix of",
            "Every lookup the shorter index answers can use the longer one, which starts with the same keys; the shorter one only adds write and storage cost.");
    }

    private static bool Covers(IndexInfo longer, IndexInfo shorter) =>
        longer.KeyColumns.Count > shorter.KeyColumns.Count
        && longer.KeyColumns.Take(shorter.KeyColumns.Count).SequenceEqual(shorter.KeyColumns, StringComparer.Ordinal)
        && Options(longer, shorter.KeyColumns.Count).SequenceEqual(Options(shorter, shorter.KeyColumns.Count), StringComparer.Ordinal)
        && longer.KeyCollations.Take(shorter.KeyColumns.Count).SequenceEqual(shorter.KeyCollations.Take(shorter.KeyColumns.Count))
        && string.Equals(longer.Predicate, shorter.Predicate, StringComparison.Ordinal)
        && shorter.IncludedColumns.All(c => longer.KeyColumns.Contains(c) || longer.IncludedColumns.Contains(c));

    private static IEnumerable<string> Options(IndexInfo index, int count) =>
        Enumerable.Range(0, count).Select(i => i < index.KeyOptions.Count ? index.KeyOptions[i] : "");
}
