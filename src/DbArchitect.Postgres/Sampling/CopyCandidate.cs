using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// A column of a referencing table whose name says it may copy a column of the table its
/// single-column foreign key references: <c>buyer_email</c> beside <c>buyer_id</c> → buyers.email,
/// or the parent column's own name. Only the sample can tell whether the values really are copies.
/// </summary>
internal sealed record CopyCandidate(TableInfo Table, ColumnInfo Column, ConstraintInfo ForeignKey, TableInfo Parent, ColumnInfo ParentColumn)
{
    /// <summary>
    /// Numbers, times, flags and binary are left out: a price or a date on the referencing row is usually the value
    /// at the time the row was written, a deliberate snapshot that equals the parent's only until it changes.
    /// </summary>
    private static readonly HashSet<string> SnapshotTypes = new(StringComparer.Ordinal)
    {
        "int2", "int4", "int8", "numeric", "float4", "float8", "money", "date", "time", "timetz", "timestamp", "timestamptz", "interval", "bool", "bytea",
    };

    private static readonly HashSet<string> TextTypes = new(StringComparer.Ordinal) { "text", "varchar", "bpchar", "citext", "name" };

    public string ForeignKeyColumn => ForeignKey.Columns[0];

    public string ReferencedColumn => ForeignKey.ReferencedColumns[0];

    /// <summary>The parent column the candidate may copy, as <c>schema.table.column</c>.</summary>
    public string Original => $"{Parent.QualifiedName}.{SqlIdentifier.Quote(ParentColumn.Name)}";

    public static IEnumerable<CopyCandidate> In(CatalogLookup lookup)
    {
        foreach (var table in lookup.DesignTables)
        {
            var constraints = lookup.ConstraintsOf(table).ToList();
            var keys = lookup.KeyColumnsOf(table);
            var referencing = constraints.Where(c => c.Kind == ConstraintKind.ForeignKey).SelectMany(c => c.Columns).ToHashSet(StringComparer.Ordinal);
            // Keys and columns that reference a table of their own (a tenant_id on every table) are
            // deliberate; a column filled by a default is written by the database, not copied by the application.
            var attributes = lookup.ColumnsOf(table)
                .Where(c => !keys.Contains(c.Name) && !referencing.Contains(c.Name) && c.Default is null && c.Generated is null && c.Identity is null && !SnapshotTypes.Contains(c.TypeName))
                .ToList();
            foreach (var foreignKey in constraints.Where(c => c.Kind == ConstraintKind.ForeignKey && c.Columns.Count == 1 && c.ReferencedColumns.Count == 1))
            {
                if (lookup.FindTable(foreignKey.ReferencedSchema!, foreignKey.ReferencedTable!) is not { } parent)
                {
                    continue;
                }

                var prefix = Prefix(foreignKey.Columns[0]);
                foreach (var parentColumn in lookup.ColumnsOf(parent).Where(c => c.Name != foreignKey.ReferencedColumns[0]))
                {
                    var copy = attributes.FirstOrDefault(c => (c.Name == parentColumn.Name || c.Name == $"{prefix}_{parentColumn.Name}") && Compatible(c, parentColumn));
                    if (copy is not null)
                    {
                        yield return new CopyCandidate(table, copy, foreignKey, parent, parentColumn);
                    }
                }
            }
        }
    }

    /// <summary><c>buyer_id</c> → <c>buyer</c>; a key column not named <c>…_id</c> is its own prefix.</summary>
    private static string Prefix(string foreignKeyColumn) =>
        foreignKeyColumn.EndsWith("_id", StringComparison.Ordinal) && foreignKeyColumn.Length > 3 ? foreignKeyColumn[..^3] : foreignKeyColumn;

    private static bool Compatible(ColumnInfo copy, ColumnInfo original) =>
        copy.TypeName == original.TypeName || (TextTypes.Contains(copy.TypeName) && TextTypes.Contains(original.TypeName));
}
