namespace DbArchitect.Postgres.Catalog.Reading;

internal static class ExtensionQuery
{
    public static readonly CatalogQuery<ExtensionInfo> Query = new("extensions", row =>
        new ExtensionInfo(row.String("name"), row.NullableString("installed_version"), row.NullableString("default_version"))
        {
            Schema = row.NullableName("schema"),
            Relocatable = row.Bool("relocatable"),
            ShadowingFunctions = row.Names("shadowing_functions"),
        });
}
