using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// A new child table that moves a repeated attribute of <c>table</c> out into rows of its own (the
/// first-normal-form split), keyed by the parent's single-column primary key and deleted with it.
/// </summary>
internal sealed record ChildTable
{
    public required string Name { get; init; }

    public required string QualifiedName { get; init; }

    public required string ParentKeyName { get; init; }

    /// <summary>The parent key column in the child, quoted.</summary>
    public required string ParentKey { get; init; }

    /// <summary>Column definition of the parent key, referencing the parent.</summary>
    public required string ParentKeyDefinition { get; init; }

    /// <summary>The parent's key column as the backfill reads it from the parent aliased <c>t</c>.</summary>
    public required string SourceKey { get; init; }

    public required string Schema { get; init; }

    /// <summary>Why the backfill below it may be run in key ranges, as an SQL comment line.</summary>
    public string BackfillNote => $"-- Backfill; on a large table run it once per key range (add AND {SourceKey} BETWEEN lo AND hi), one transaction each.";

    public static ChildTable Of(CatalogLookup lookup, TableInfo table, string keyName, string childName)
    {
        var key = lookup.ColumnsOf(table).First(c => c.Name == keyName);
        var parentKeyName = ObjectNames.Derive(table.Name, keyName);
        var parentKey = SqlIdentifier.Quote(parentKeyName);
        return new ChildTable
        {
            Name = childName,
            QualifiedName = SqlIdentifier.Qualify(table.Schema, childName),
            Schema = table.Schema,
            ParentKeyName = parentKeyName,
            ParentKey = parentKey,
            ParentKeyDefinition = $"{parentKey} {key.DataType} NOT NULL REFERENCES {table.QualifiedName} ({SqlIdentifier.Quote(keyName)}) ON DELETE CASCADE",
            SourceKey = $"t.{SqlIdentifier.Quote(keyName)}",
        };
    }

    /// <summary>A column of the child as <see cref="Core.Findings.Remedy.Creates"/> lists it.</summary>
    public string Column(string name) => ObjectNames.QualifiedColumn(Schema, Name, name);
}
