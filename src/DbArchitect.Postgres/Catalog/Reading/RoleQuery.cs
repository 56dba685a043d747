namespace DbArchitect.Postgres.Catalog.Reading;

internal static class RoleQuery
{
    public static readonly CatalogQuery<RoleInfo> Query = new("roles", row => new RoleInfo
    {
        Name = row.Name("name"),
        Superuser = row.Bool("superuser"),
        CreateRole = row.Bool("create_role"),
        BypassRowLevelSecurity = row.Bool("bypass_rls"),
    });
}
