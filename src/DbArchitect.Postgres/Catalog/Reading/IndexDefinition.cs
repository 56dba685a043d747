namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>
/// Prints a plain index's definition as pg_get_indexdef does, for the indexes indexes.sql leaves
/// without one: plain columns, default operator classes, collations and order, no predicate,
/// options or tablespace, on a table rather than a partitioned table.
/// </summary>
internal static class IndexDefinition
{
    public static string Print(IndexInfo index, ServerQuoting quoting)
    {
        var unique = index.IsUnique ? "UNIQUE " : string.Empty;
        var include = index.IncludedColumns.Count > 0 ? $" INCLUDE ({quoting.List(index.IncludedColumns)})" : string.Empty;
        return $"CREATE {unique}INDEX {quoting.Quote(index.Name)} ON {quoting.Qualify(index.Schema, index.Table)} " +
               $"USING {quoting.Quote(index.Method)} ({quoting.List(index.KeyColumns)}){include}";
    }
}
