using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tests.Workload;

public sealed class CatalogOnlyStatementTests
{
    [Theory]
    [InlineData("SELECT classid, objid, refclassid, refobjid, deptype FROM pg_depend WHERE deptype != $1")]
    [InlineData("SELECT tableoid, oid, lanname FROM pg_catalog.pg_language l JOIN pg_namespace n ON true")]
    [InlineData("SELECT table_name FROM information_schema.tables")]
    public void Statements_over_system_catalogs_only_are_not_workload(string sql) =>
        Assert.True(CatalogOnlyStatement.IsCatalogOnly(sql));

    [Theory]
    [InlineData("SELECT * FROM orders o JOIN pg_class c ON c.oid = o.id")]
    [InlineData("SELECT * FROM public.pg_things")]
    [InlineData("SELECT 1")]
    [InlineData("SELEC broken")]
    public void Statements_naming_an_application_table_or_none_stay(string sql) =>
        Assert.False(CatalogOnlyStatement.IsCatalogOnly(sql));
}
