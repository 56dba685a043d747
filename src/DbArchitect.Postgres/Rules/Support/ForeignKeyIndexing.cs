using System.Text.RegularExpressions;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Whether an index lets PostgreSQL find the rows that reference a key: the one test the foreign-key
/// rule and the partition checks share, so that they never disagree about what "indexed" means.
/// </summary>
public static partial class ForeignKeyIndexing
{
    /// <summary>
    /// A valid b-tree whose leading keys are the foreign key's columns in any order, and whose
    /// predicate, if any, holds for every row the key check looks for: the check only ever
    /// searches for non-null keys, so a predicate of <c>col IS NOT NULL</c> on key columns loses nothing.
    /// </summary>
    public static bool Serves(IndexInfo index, IReadOnlyList<string> columns) =>
        index.IsValid
        && index.Method is "btree"
        && index.KeyColumns.Count >= columns.Count
        && index.KeyColumns.Take(columns.Count).ToHashSet(StringComparer.Ordinal).SetEquals(columns)
        && (index.Predicate is null || ImpliedByNonNullKeys(index.Predicate, columns));

    /// <summary>
    /// True only for a conjunction of <c>column IS NOT NULL</c> on the given columns, as
    /// pg_get_expr prints it; anything else (OR, comparisons, functions, other columns) is refused
    /// rather than reasoned about.
    /// </summary>
    public static bool ImpliedByNonNullKeys(string predicate, IReadOnlyList<string> columns)
    {
        var match = NonNullConjunction().Match(predicate);
        return match.Success && match.Groups["column"].Captures.All(c => columns.Contains(Unquote(c.Value), StringComparer.Ordinal));
    }

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    // Parentheses are allowed anywhere around the terms: with AND and IS NOT NULL only, every grouping means the same.
    [GeneratedRegex("""^\s*\(*\s*(?<column>"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\s+IS\s+NOT\s+NULL\s*\)*(?:\s+AND\s+\(*\s*(?<column>"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\s+IS\s+NOT\s+NULL\s*\)*)*\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex NonNullConjunction();
}
