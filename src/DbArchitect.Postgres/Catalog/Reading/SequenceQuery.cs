namespace DbArchitect.Postgres.Catalog.Reading;

internal static class SequenceQuery
{
    public static readonly CatalogQuery<SequenceInfo> Query = new("sequences", row => new SequenceInfo
    {
        Schema = row.Name("schema"),
        Name = row.String("name"),
        DataType = row.Name("data_type"),
        LastValue = row.NullableLong("last_value"),
        MaxValue = row.Long("max_value"),
        MinValue = row.Long("min_value"),
        Increment = row.Long("increment"),
        Cycles = row.Bool("cycles"),
        OwnedBySchema = row.NullableName("owned_by_schema"),
        OwnedByTable = row.NullableName("owned_by_table"),
        OwnedByColumn = row.NullableName("owned_by_column"),
        Readable = row.Bool("readable"),
    });
}
