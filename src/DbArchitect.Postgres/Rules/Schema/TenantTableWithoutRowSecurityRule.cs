using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Schema;

/// <summary>
/// A table with a tenant column but no row-level security relies on every query of every
/// application remembering its tenant filter; one forgotten WHERE leaks another tenant's data.
/// <c>account_id</c> and <c>company_id</c> name a tenant in some schemas and a customer in others
/// (an invoice's account): they count only where the schema carries them on several tables, as a
/// multi-tenant schema does.
/// </summary>
public sealed class TenantTableWithoutRowSecurityRule : ISchemaRule
{
    private static readonly string[] TenantColumns = ["tenant_id", "org_id", "organization_id", "organisation_id"];
    private static readonly string[] AmbiguousTenantColumns = ["account_id", "company_id"];

    public string Id => "tenant-table-without-rls";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var spread = AmbiguousTenantColumns
            .Where(name => lookup.DesignTables.Count(t => lookup.ColumnsOf(t).Any(c => c.Name == name)) >= 2)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var table in lookup.DesignTables.Where(t => !t.RowLevelSecurity))
        {
            var tenant = lookup.ColumnsOf(table).FirstOrDefault(c => TenantColumns.Contains(c.Name, StringComparer.Ordinal) || spread.Contains(c.Name));
            if (tenant is null)
            {
                continue;
            }

            var policy = ObjectNames.Derive(table.Name, "tenant_isolation");
            var column = SqlIdentifier.Quote(tenant.Name);
            yield return new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"Tenant-scoped table {table.QualifiedName} has no row-level security",
                Rationale = $"Rows carry {tenant.Name} but nothing in the database stops a session from reading other tenants' rows; row-level security makes the tenant filter impossible to forget.",
                Evidence =
                [
                    new Evidence("tenant column", $"{tenant.Name} ({tenant.DataType})"),
                    new Evidence("row level security", "disabled"),
                    new Evidence("policies", MeasureText.Count(table.PolicyCount)),
                    new Evidence("estimated rows", MeasureText.Count(Math.Max(0, table.EstimatedRows))),
                ],
                Tables = [table.QualifiedName],
                Remedy = new Remedy
                {
                    Kind = ChangeKind.SchemaChange,
                    Strategy = MigrationStrategy.Standard,
                    Up = $"""
                        CREATE POLICY {SqlIdentifier.Quote(policy)} ON {table.QualifiedName}
                            USING ({column} = current_setting('app.tenant_id', true)::{tenant.DataType})
                            WITH CHECK ({column} = current_setting('app.tenant_id', true)::{tenant.DataType});
                        ALTER TABLE {table.QualifiedName} ENABLE ROW LEVEL SECURITY;
                        """,
                    Down = $"""
                        ALTER TABLE {table.QualifiedName} DISABLE ROW LEVEL SECURITY;
                        DROP POLICY {SqlIdentifier.Quote(policy)} ON {table.QualifiedName};
                        """,
                    PerformanceImpact = $"Every query gets the tenant predicate added; keep an index leading with {tenant.Name}. The table owner and superusers bypass the policy unless FORCE ROW LEVEL SECURITY is set.",
                    Testing = $"As the application role: SET app.tenant_id = '<a tenant>'; SELECT count(*) FROM {table.QualifiedName} WHERE {column} <> current_setting('app.tenant_id')::{tenant.DataType}; must return 0. The application must SET app.tenant_id per transaction.",
                },
            };
        }
    }
}
