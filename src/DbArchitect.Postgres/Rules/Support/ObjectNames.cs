using System.Text;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>Names for subjects, new objects and <see cref="Core.Findings.Remedy.Creates"/> entries, spelt the way PostgreSQL prints them.</summary>
internal static class ObjectNames
{
    private const int MaxIdentifierBytes = 63;

    /// <summary>Subject of a column finding, e.g. <c>public.orders(total)</c>.</summary>
    public static string ColumnSubject(TableInfo table, string column) => $"{table.QualifiedName}({SqlIdentifier.Quote(column)})";

    /// <summary><c>schema.table.column</c>, each part quoted only when needed.</summary>
    public static string QualifiedColumn(string schema, string table, string column) =>
        $"{SqlIdentifier.Quote(schema)}.{SqlIdentifier.Quote(table)}.{SqlIdentifier.Quote(column)}";

    /// <summary>
    /// A new identifier made of parts joined by underscores, cut to PostgreSQL's 63-byte limit the
    /// way the server would otherwise silently do it, so the name we print is the name that exists.
    /// </summary>
    public static string Derive(params string[] parts)
    {
        var name = string.Join('_', parts.Where(p => p.Length > 0));
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes)
        {
            return name;
        }

        var builder = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(builder.ToString() + rune) > MaxIdentifierBytes)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
