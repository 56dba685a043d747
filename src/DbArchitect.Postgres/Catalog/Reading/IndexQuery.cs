namespace DbArchitect.Postgres.Catalog.Reading;

internal static class IndexQuery
{
    public static readonly CatalogQuery<IndexInfo> Query = new("indexes", row => new IndexInfo
    {
        Oid = row.Oid("oid"),
        Schema = row.Name("schema"),
        Table = row.Name("table"),
        TableOid = row.Oid("table_oid"),
        Name = row.String("name"),
        Definition = row.String("definition"),
        Method = row.Name("method"),
        KeyColumns = row.Names("key_columns"),
        IncludedColumns = row.Names("included_columns"),
        KeyOptions = row.Names("key_options"),
        Predicate = row.NullableString("predicate"),
        IsUnique = row.Bool("is_unique"),
        IsPrimary = row.Bool("is_primary"),
        IsValid = row.Bool("is_valid"),
        ConstraintName = row.NullableString("constraint_name"),
        SizeBytes = row.Long("size_bytes"),
        Scans = row.Long("scans"),
        TuplesRead = row.Long("tuples_read"),
        TuplesFetched = row.Long("tuples_fetched"),
        HasExpressions = row.Bool("has_expressions"),
    });
}
