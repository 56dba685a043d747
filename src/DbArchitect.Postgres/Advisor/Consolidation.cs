using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// Existing indexes a recommended B-tree makes unnecessary: a plain B-tree whose keys are a leading
/// prefix of the new one's (and whose INCLUDE columns the new one carries) answers nothing the new
/// one cannot. Indexes behind constraints, unique and partial indexes are never proposed for removal.
/// </summary>
internal static class Consolidation
{
    public static IReadOnlyList<RedundantIndex> Redundant(IEnumerable<IndexCandidate> chosen, CatalogSnapshot snapshot)
    {
        var redundant = new List<RedundantIndex>();
        foreach (var candidate in chosen.Where(c => c.Method == "btree" && c.Predicate is null))
        {
            var keys = candidate.Keys.Select(k => k.Split(' ')[0]).ToList();
            var carried = keys.Concat(candidate.Include).ToHashSet(StringComparer.Ordinal);
            foreach (var index in snapshot.Indexes.Where(i => i.Schema == candidate.Schema && i.Table == candidate.Table))
            {
                var replaceable = index is { Method: "btree", IsUnique: false, IsPrimary: false, ConstraintName: null, Predicate: null, IsValid: true }
                    && index.KeyColumns.Count <= keys.Count
                    && index.KeyColumns.Select((k, i) => k == keys[i]).All(same => same)
                    && index.KeyOptions.All(string.IsNullOrEmpty)
                    && index.IncludedColumns.All(carried.Contains);
                if (replaceable && redundant.All(r => r.QualifiedName != IndexStatements.QualifiedName(index)))
                {
                    redundant.Add(new RedundantIndex
                    {
                        QualifiedName = IndexStatements.QualifiedName(index),
                        QualifiedTable = candidate.QualifiedTable,
                        Definition = index.Definition,
                        Bytes = index.SizeBytes,
                        CoveredBy = candidate.QualifiedName,
                        DropStatement = IndexStatements.Drop(index, online: true),
                        RecreateStatement = IndexStatements.Create(index, online: true),
                    });
                }
            }
        }

        return redundant;
    }
}
