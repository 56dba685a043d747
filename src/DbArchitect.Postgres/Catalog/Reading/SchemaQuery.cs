namespace DbArchitect.Postgres.Catalog.Reading;

internal static class SchemaQuery
{
    public static readonly CatalogQuery<SchemaInfo> Query = new("schemas", row => new SchemaInfo(row.Name("name"), row.Name("owner")) { PublicCreate = row.Bool("public_create") });
}
