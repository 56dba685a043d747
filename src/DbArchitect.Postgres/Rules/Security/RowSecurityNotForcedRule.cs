using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// Row-level security is enabled on a table the application role owns, without FORCE: a table's
/// owner is exempt from its policies, so the application sees and changes every row while the
/// policies look as if they protect it.
/// </summary>
public sealed class RowSecurityNotForcedRule : ISchemaRule
{
    public string Id => "row-security-not-forced";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.High;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (ApplicationRole.Of(facts) is not { } role)
        {
            yield break;
        }

        foreach (var table in facts.Snapshot.Tables.Where(t => t.RowLevelSecurity && !t.ForceRowLevelSecurity && string.Equals(t.Owner, role.Name, StringComparison.Ordinal)))
        {
            yield return new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"Row-level security on {table.QualifiedName} does not apply to its owner, the application role {role.Name}",
                Rationale = "PostgreSQL exempts a table's owner from its row-level security policies unless FORCE ROW LEVEL SECURITY is set; " +
                    "the application, connecting as the owner, reads and writes every row whatever the policies say. " +
                    "(Superusers and BYPASSRLS roles are exempt even with FORCE: see their own findings.)",
                Evidence =
                [
                    ApplicationRole.ChosenBy(facts),
                    new Evidence("owner", table.Owner!),
                    new Evidence("relrowsecurity / relforcerowsecurity", "true / false"),
                    new Evidence("policies", table.PolicyCount.ToString(CultureInfo.InvariantCulture)),
                ],
                Tables = [table.QualifiedName],
                Remedy = new Remedy
                {
                    Kind = ChangeKind.SchemaChange,
                    Strategy = MigrationStrategy.Standard,
                    Up = $"ALTER TABLE {table.QualifiedName} FORCE ROW LEVEL SECURITY;",
                    Down = $"ALTER TABLE {table.QualifiedName} NO FORCE ROW LEVEL SECURITY;",
                    PerformanceImpact = "A catalog change with a brief ACCESS EXCLUSIVE lock. The owner's queries now carry the policies' conditions; " +
                        "migrations and jobs that must see every row need a BYPASSRLS role.",
                    Testing = $"SELECT relforcerowsecurity FROM pg_class WHERE oid = {SqlIdentifier.Literal(table.QualifiedName)}::regclass returns true; " +
                        "as the application role, a query without the tenant setting returns no rows.",
                },
            };
        }
    }
}
