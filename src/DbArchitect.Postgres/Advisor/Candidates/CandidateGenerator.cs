using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// Index candidates from the way statements read tables, never from guessing: single columns that
/// are filtered, joined, sorted or grouped on; composites ordered equality (most selective first),
/// then one range, then sort keys; the same with INCLUDE of the other columns the statement uses,
/// for an index-only scan; an index on an expression the statement compares (a JSON field, a
/// lower-cased name); partial indexes for rare constants of category columns
/// (<see cref="CategoryColumn"/>); BRIN for time-ordered ranges; hash for wide equality keys and
/// expressions compared by equality alone; GIN
/// where only GIN has the operator. Candidates an existing index already serves are left out.
/// </summary>
internal static class CandidateGenerator
{
    private const int MaxKeys = 4;
    private const int MaxIncluded = 4;

    /// <summary>A constant selecting at most this fraction of rows earns a partial index.</summary>
    private const double RareFraction = 0.2;

    /// <summary>BRIN pays off only on big tables stored in (nearly) the order of the column.</summary>
    private const double BrinMinimumRows = 100_000;
    private const double BrinMinimumCorrelation = 0.9;

    /// <summary>Hash beats B-tree only for long keys compared by equality alone (a hash index stores 4 bytes per key).</summary>
    private const int HashMinimumWidth = 24;

    private const string TrigramExtension = "CREATE EXTENSION IF NOT EXISTS pg_trgm;";

    /// <param name="accesses">How the workload's statements read each table.</param>
    /// <param name="tables">The catalog's facts per table.</param>
    /// <param name="categoryMaximumDistinct">A constant earns a partial index only on a column with at most this many distinct values.</param>
    public static IReadOnlyList<IndexCandidate> Generate(IReadOnlyList<TableAccess> accesses, IReadOnlyDictionary<(string Schema, string Table), TableFacts> tables, double categoryMaximumDistinct)
    {
        // A column compared with a parameter anywhere takes values per call, so its literals elsewhere are samples too.
        var parameterised = accesses
            .SelectMany(a => a.Comparisons.Where(c => c.OtherColumn is null && !c.IsConstant).Select(c => (a.Schema, a.Table, c.Column.Column)))
            .ToHashSet();
        var candidates = new Dictionary<string, IndexCandidate>(StringComparer.Ordinal);
        foreach (var access in accesses)
        {
            // Partitioned tables take no CONCURRENTLY index and hypopg cannot simulate one there.
            if (!tables.TryGetValue((access.Schema, access.Table), out var facts) || facts.Table.Kind != TableKind.Table || facts.Table.IsPartition)
            {
                continue;
            }

            bool Category(string column) => CategoryColumn.Is(facts, column, parameterised.Contains((access.Schema, access.Table, column)), categoryMaximumDistinct);
            foreach (var candidate in ForAccess(access, facts, Category).Where(c => !AlreadyServed(c, facts)))
            {
                candidates.TryAdd(candidate.Shape, candidate);
            }
        }

        return candidates.Values.ToList();
    }

    private static IEnumerable<IndexCandidate> ForAccess(TableAccess access, TableFacts facts, Func<string, bool> category)
    {
        bool Known(string column) => facts.Columns.ContainsKey(column);
        var comparisons = access.Comparisons.Where(c => Known(c.Column.Column)).ToList();
        var equality = comparisons.Where(c => c.IsEquality).Select(c => c.Column.Column)
            .Concat(access.JoinColumns.Where(Known))
            .Distinct()
            .OrderByDescending(facts.Distinct)
            .ThenBy(c => c, StringComparer.Ordinal)
            .ToList();
        var ranges = comparisons.Where(c => c.IsRange).Select(c => c.Column.Column).Distinct()
            .Where(c => !equality.Contains(c)).OrderByDescending(facts.Distinct).ToList();
        var sort = access.SortColumns.Where(s => Known(s.Column) && !equality.Contains(s.Column)).ToList();
        var group = access.GroupColumns.Where(Known).ToList();

        IndexCandidate BTree(IEnumerable<string> keys) => new() { Schema = facts.Table.Schema, Table = facts.Table.Name, Keys = keys.Take(MaxKeys).ToList() };

        foreach (var column in equality.Concat(ranges).Concat(sort.Select(s => s.Column)).Concat(group).Distinct())
        {
            yield return BTree([Key(column)]);
        }

        var composites = new List<IndexCandidate>();
        var equalityKeys = equality.Select(Key).ToList();
        if (equality.Count >= 2)
        {
            composites.Add(BTree(equalityKeys));
        }

        if (ranges.Count > 0 && equality.Count > 0)
        {
            composites.Add(BTree([.. equalityKeys, Key(ranges[0])]));
        }

        if (sort.Count > 0 && (equality.Count > 0 || sort.Count > 1))
        {
            composites.Add(BTree([.. equalityKeys, .. sort.Select(s => Key(s.Column, s.Descending))]));
        }

        if (group.Count >= 2)
        {
            composites.Add(BTree(group.Select(Key)));
        }

        foreach (var composite in composites)
        {
            yield return composite;
        }

        // Covering: the widest key list plus every other column the statement uses from the table,
        // so the scan never visits the heap (an index-only scan); a wide use is a second table, not an index.
        var widest = composites.OrderByDescending(c => c.Keys.Count).FirstOrDefault()
            ?? (equality.Count + ranges.Count > 0 ? BTree([Key(equality.Concat(ranges).First())]) : null);
        if (widest is not null)
        {
            var keyNames = widest.Keys.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
            var include = access.UsedColumns.Where(Known).Select(Key).Distinct().Where(o => !keyNames.Contains(o)).ToList();
            if (include.Count is > 0 and <= MaxIncluded)
            {
                yield return widest with { Include = include };
            }
        }

        var expressions = access.ExpressionComparisons.Where(e => e.IsBTreeServed && e.Columns.All(c => Known(c.Column))).ToLookup(e => e.Key);
        foreach (var expression in expressions)
        {
            yield return BTree([expression.Key]);
            if (equality.Count > 0)
            {
                yield return BTree([.. equalityKeys, expression.Key]);
            }

            // pg_stats has no width for an expression that no index holds yet: the hash variant of
            // an equality-only key is offered always, and the measured size decides.
            if (expression.All(e => e.Operator == "="))
            {
                yield return BTree([expression.Key]) with { Method = "hash" };
            }
        }

        foreach (var partial in Partials(comparisons, equality, ranges, sort, facts, category))
        {
            yield return partial;
        }

        foreach (var column in ranges.Concat(sort.Select(s => s.Column)).Distinct()
                     .Where(c => facts.Rows >= BrinMinimumRows && Math.Abs(facts.Correlation(c) ?? 0) >= BrinMinimumCorrelation))
        {
            yield return BTree([Key(column)]) with { Method = "brin" };
        }

        var equalityOnly = comparisons.Where(c => c.Operator == "=").Select(c => c.Column.Column)
            .Where(c => !ranges.Contains(c) && sort.All(s => s.Column != c) && facts.AverageWidth(c) >= HashMinimumWidth);
        foreach (var column in equalityOnly.Distinct())
        {
            yield return BTree([Key(column)]) with { Method = "hash" };
        }

        foreach (var gin in GinCandidates(comparisons, facts))
        {
            yield return gin;
        }
    }

    private static IEnumerable<IndexCandidate> Partials(List<Comparison> comparisons, List<string> equality, List<string> ranges, List<(string Column, bool Descending)> sort, TableFacts facts, Func<string, bool> category)
    {
        foreach (var constant in comparisons.Where(c => c.IsEquality && c.IsConstant && c.Operator != "= ANY"))
        {
            var column = constant.Column.Column;
            var fraction = constant.Operator == "IS" ? facts.NullFraction(column) : facts.Frequency(column, constant.ConstantValue!);
            if (fraction is not { } f || f > RareFraction || (constant.Operator != "IS" && !category(column)))
            {
                continue;
            }

            var keys = equality.Where(c => c != column).Concat(ranges).Select(c => Key(c))
                .Concat(sort.Where(s => s.Column != column).Select(s => Key(s.Column, s.Descending)))
                .Distinct().Take(MaxKeys).ToList();
            yield return new IndexCandidate
            {
                Schema = facts.Table.Schema,
                Table = facts.Table.Name,
                Keys = keys.Count > 0 ? keys : [Key(column)],
                Predicate = $"{Key(column)} {constant.Operator} {constant.Other}",
            };
        }
    }

    private static IEnumerable<IndexCandidate> GinCandidates(List<Comparison> comparisons, TableFacts facts)
    {
        foreach (var comparison in comparisons)
        {
            var column = facts.Columns[comparison.Column.Column];
            var key = Key(column.Name);
            var gin = new IndexCandidate { Schema = facts.Table.Schema, Table = facts.Table.Name, Method = "gin", Keys = [key] };
            if (comparison.IsGinOnly && (column.TypeName is "jsonb" or "tsvector" || column.TypeName.StartsWith('_')))
            {
                yield return gin;
            }
            else if (comparison.IsLeadingWildcard && column.TypeName is "text" or "varchar" or "bpchar")
            {
                yield return gin with { Keys = [$"{key} gin_trgm_ops"], Prerequisite = TrigramExtension };
            }
        }
    }

    /// <summary>An existing valid index with the same method and predicate whose keys start with the candidate's.</summary>
    private static bool AlreadyServed(IndexCandidate candidate, TableFacts facts) =>
        facts.Indexes.Any(index =>
            index.Method == candidate.Method
            && index.Predicate == null == (candidate.Predicate == null)
            && (candidate.Predicate is null || Normalise(index.Predicate!) == Normalise(candidate.Predicate))
            && index.KeyColumns.Count >= candidate.Keys.Count
            && candidate.Keys.Select((key, i) => SameKey(index, i, key)).All(same => same)
            && candidate.Include.All(c => index.KeyColumns.Contains(c) || index.IncludedColumns.Contains(c)));

    private static bool SameKey(IndexInfo index, int position, string key)
    {
        var descending = key.EndsWith(" DESC", StringComparison.Ordinal);
        var name = descending ? key[..^5] : key;
        var options = position < index.KeyOptions.Count ? index.KeyOptions[position] : "";
        // An expression key prints with or without its outer parentheses, depending on who prints it.
        return Normalise(index.KeyColumns[position]) == Normalise(name) && options.Contains("DESC", StringComparison.Ordinal) == descending;
    }

    private static string Normalise(string predicate) => new(predicate.Where(c => c is not ('(' or ')' or ' ')).ToArray());

    private static string Key(string column) => SqlIdentifier.Quote(column);

    private static string Key(string column, bool descending) => descending ? $"{SqlIdentifier.Quote(column)} DESC" : SqlIdentifier.Quote(column);
}
