using DbArchitect.Postgres.Rules.Schema;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Schema;

public sealed class TenantColumnTests
{
    [Fact]
    public void An_account_id_on_one_table_is_a_customer_reference_not_a_tenant()
    {
        var invoices = HandBuiltFacts.Table(1, "invoices");
        var accounts = HandBuiltFacts.Table(2, "accounts");
        var facts = HandBuiltFacts.Facts([invoices, accounts], [HandBuiltFacts.Column(invoices, 1, "account_id", "integer", "int4"), HandBuiltFacts.Column(accounts, 1, "id", "integer", "int4")]);

        Assert.Empty(new TenantTableWithoutRowSecurityRule().Evaluate(facts));
    }

    [Fact]
    public void An_account_id_across_the_schema_marks_its_tables_as_tenant_scoped()
    {
        var projects = HandBuiltFacts.Table(1, "projects");
        var tasks = HandBuiltFacts.Table(2, "tasks");
        var facts = HandBuiltFacts.Facts([projects, tasks], [HandBuiltFacts.Column(projects, 1, "account_id", "bigint", "int8"), HandBuiltFacts.Column(tasks, 1, "account_id", "bigint", "int8")]);

        Assert.Equal(["public.projects", "public.tasks"], new TenantTableWithoutRowSecurityRule().Evaluate(facts).Select(f => f.Subject).Order(StringComparer.Ordinal));
    }
}
