using System.Text;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>Names for subjects, new objects and <see cref="Core.Findings.Remedy.Creates"/> entries, spelt the way PostgreSQL prints them.</summary>
internal static class ObjectNames
{
    /// <summary>PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server.</summary>
    public const int MaxIdentifierBytes = 63;

    /// <summary>Subject of a column finding, e.g. <c>public.orders(total)</c>.</summary>
    public static string ColumnSubject(TableInfo table, string column) => $"{table.QualifiedName}({SqlIdentifier.Quote(column)})";

    /// <summary><c>schema.table.column</c>, each part quoted only when needed.</summary>
    public static string QualifiedColumn(string schema, string table, string column) =>
        $"{SqlIdentifier.Quote(schema)}.{SqlIdentifier.Quote(table)}.{SqlIdentifier.Quote(column)}";

    /// <summary>
    /// A new identifier made of parts joined by underscores. Past PostgreSQL's 63-byte limit the
    /// longest leading part is shortened, never the last one, the way PostgreSQL names constraints
    /// and indexes itself, so "<c>long_table_name_fkey</c>" keeps its meaning and the name we print
    /// is the name that exists rather than the server's silent truncation.
    /// </summary>
    public static string Derive(params string[] parts)
    {
        var runes = parts.Where(p => p.Length > 0).Select(p => p.EnumerateRunes().ToList()).ToList();
        while (Bytes(runes) > MaxIdentifierBytes)
        {
            var candidates = runes.Count > 1 ? runes.Take(runes.Count - 1).ToList() : runes;
            var longest = candidates.OrderByDescending(r => r.Count).First();
            longest.RemoveAt(longest.Count - 1);
        }

        return string.Join('_', runes.Where(r => r.Count > 0).Select(r => string.Concat(r.Select(x => x.ToString()))));
    }

    private static int Bytes(List<List<Rune>> parts) =>
        parts.Sum(p => p.Sum(r => r.Utf8SequenceLength)) + Math.Max(0, parts.Count - 1);
}
