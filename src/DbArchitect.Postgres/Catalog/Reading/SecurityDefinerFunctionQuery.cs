namespace DbArchitect.Postgres.Catalog.Reading;

internal static class SecurityDefinerFunctionQuery
{
    public static readonly CatalogQuery<SecurityDefinerFunctionInfo> Query = new("security_definer_functions", row => new SecurityDefinerFunctionInfo
    {
        Schema = row.Name("schema"),
        Name = row.String("name"),
        Arguments = row.String("arguments"),
        Procedure = row.String("procedure"),
        Owner = row.Name("owner"),
        PublicExecute = row.Bool("public_execute"),
        PinnedSearchPath = row.Bool("pinned_search_path"),
    });
}
