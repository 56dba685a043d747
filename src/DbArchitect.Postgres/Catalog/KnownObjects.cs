namespace DbArchitect.Postgres.Catalog;

/// <summary>
/// The names the validator accepts as existing, spelled as PostgreSQL prints them: relations as
/// <c>schema.table</c>, columns as <c>schema.table.column</c>, indexes as <c>schema.index</c>.
/// </summary>
public static class KnownObjects
{
    public static IReadOnlySet<string> From(CatalogSnapshot snapshot)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in snapshot.Tables)
        {
            names.Add(table.QualifiedName);
        }

        foreach (var column in snapshot.Columns)
        {
            names.Add($"{SqlIdentifier.Qualify(column.Schema, column.Table)}.{SqlIdentifier.Quote(column.Name)}");
        }

        foreach (var index in snapshot.Indexes)
        {
            names.Add(SqlIdentifier.Qualify(index.Schema, index.Name));
        }

        foreach (var sequence in snapshot.Sequences)
        {
            names.Add(SqlIdentifier.Qualify(sequence.Schema, sequence.Name));
        }

        return names;
    }
}
