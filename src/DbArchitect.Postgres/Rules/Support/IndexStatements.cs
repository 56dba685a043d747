using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>Online DDL for indexes: create and drop without blocking writes, and names as PostgreSQL prints them.</summary>
internal static class IndexStatements
{
    private const int MaxIdentifierBytes = 63;

    public static string QualifiedName(IndexInfo index) => SqlIdentifier.Qualify(index.Schema, index.Name);

    /// <summary>pg_get_indexdef output turned into its CONCURRENTLY form, so recreating an index never blocks writes.</summary>
    public static string CreateConcurrently(IndexInfo index)
    {
        const string marker = "INDEX ";
        var at = index.Definition.IndexOf(marker, StringComparison.Ordinal);
        var statement = at < 0 ? index.Definition : index.Definition.Insert(at + marker.Length, "CONCURRENTLY ");
        return statement.TrimEnd().TrimEnd(';') + ";";
    }

    public static string DropConcurrently(IndexInfo index) => $"DROP INDEX CONCURRENTLY IF EXISTS {QualifiedName(index)};";

    /// <summary>A b-tree on plain columns, CONCURRENTLY, with the conventional <c>table_col_idx</c> name cut to 63 bytes.</summary>
    public static (string Statement, string QualifiedIndex) CreateBTree(TableInfo table, IReadOnlyList<string> columns)
    {
        var name = IndexName(table.Name, columns);
        var columnList = string.Join(", ", columns.Select(SqlIdentifier.Quote));
        var qualified = SqlIdentifier.Qualify(table.Schema, name);
        return ($"CREATE INDEX CONCURRENTLY IF NOT EXISTS {SqlIdentifier.Quote(name)} ON {table.QualifiedName} ({columnList});", qualified);
    }

    public static string DropNamed(string qualifiedIndex) => $"DROP INDEX CONCURRENTLY IF EXISTS {qualifiedIndex};";

    private static string IndexName(string table, IReadOnlyList<string> columns)
    {
        var name = $"{table}_{string.Join("_", columns)}_idx";
        while (System.Text.Encoding.UTF8.GetByteCount(name) > MaxIdentifierBytes)
        {
            // Cut from the middle part so the "_idx" suffix that tells people what it is survives.
            name = name[..^5] + "_idx";
        }

        return name;
    }
}
