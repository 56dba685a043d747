namespace DbArchitect.Postgres.Catalog.Reading;

internal static class ColumnQuery
{
    public static readonly CatalogQuery<ColumnInfo> Query = new("columns", row => new ColumnInfo
    {
        TableOid = row.Oid("table_oid"),
        Schema = row.Name("schema"),
        Table = row.Name("table"),
        Name = row.Name("name"),
        Position = row.Int("position"),
        DataType = row.Name("data_type"),
        TypeName = row.Name("type_name"),
        TypeKind = row.Name("type_kind"),
        NotNull = row.Bool("not_null"),
        Default = row.NullableString("default"),
        Identity = row.NullableName("identity"),
        Generated = row.NullableString("generated"),
        OwnedSequence = row.NullableString("owned_sequence_name") is { } sequence
            ? SqlIdentifier.Qualify(row.String("owned_sequence_schema"), sequence)
            : null,
        Comment = row.NullableString("comment"),
    });
}
