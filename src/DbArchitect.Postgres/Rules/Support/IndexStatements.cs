using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Index DDL that avoids blocking writes where PostgreSQL allows it, and index names as PostgreSQL
/// prints them. CONCURRENTLY is not available on partitioned tables (PostgreSQL 15), so for those
/// the plain statement is written and its lock is named in the remedy's impact.
/// </summary>
internal static class IndexStatements
{
    public static string QualifiedName(IndexInfo index) => SqlIdentifier.Qualify(index.Schema, index.Name);

    /// <summary>pg_get_indexdef output, in its CONCURRENTLY form when <paramref name="online"/>.</summary>
    public static string Create(IndexInfo index, bool online)
    {
        const string marker = "INDEX ";
        var at = index.Definition.IndexOf(marker, StringComparison.Ordinal);
        var statement = at < 0 || !online ? index.Definition : index.Definition.Insert(at + marker.Length, "CONCURRENTLY ");
        return statement.TrimEnd().TrimEnd(';') + ";";
    }

    public static string Drop(IndexInfo index, bool online) => DropNamed(QualifiedName(index), online);

    public static string DropNamed(string qualifiedIndex, bool online) =>
        $"DROP INDEX {(online ? "CONCURRENTLY " : "")}IF EXISTS {qualifiedIndex};";

    /// <summary>
    /// A b-tree on plain columns, built CONCURRENTLY by the advisor's index model under a name no
    /// catalog object holds; on a partitioned table, ON ONLY the parent with each partition's index
    /// built CONCURRENTLY and attached (<see cref="PartitionedIndexBuild"/>). Down drops it, and
    /// with a partitioned table's index every partition's.
    /// </summary>
    public static (string Up, string Down, string QualifiedIndex) CreateBTree(CatalogLookup lookup, TableInfo table, IReadOnlyList<string> columns)
    {
        var candidate = new Advisor.IndexCandidate { Schema = table.Schema, Table = table.Name, Keys = [.. columns.Select(SqlIdentifier.Quote)] };
        if (OnlineAllowed(table.Kind))
        {
            // The advisor's index model writes it, under a name no object of the catalog holds.
            var index = Advisor.IndexNames.Assign([candidate], lookup.Snapshot)[0];
            return (index.CreateStatement, index.DropStatement, index.QualifiedName);
        }

        var parent = candidate with { Name = IndexName(table.Name, columns) };
        var statements = PartitionedIndexBuild.Statements(lookup, table, parent, p => IndexName(p.Name, columns), attachTo: null);
        return (string.Join("\n", statements), DropNamed(parent.QualifiedName, online: false), parent.QualifiedName);
    }

    public static bool OnlineAllowed(TableKind kind) => kind != TableKind.PartitionedTable;

    /// <summary>The conventional <c>table_col_idx</c> name, cut to PostgreSQL's 63 bytes without losing the suffix.</summary>
    public static string IndexName(string table, IReadOnlyList<string> columns)
    {
        var name = $"{table}_{string.Join("_", columns)}_idx";
        while (System.Text.Encoding.UTF8.GetByteCount(name) > ObjectNames.MaxIdentifierBytes)
        {
            // Cut from the middle part so the "_idx" suffix that tells people what it is survives.
            name = name[..^5] + "_idx";
        }

        return name;
    }
}
