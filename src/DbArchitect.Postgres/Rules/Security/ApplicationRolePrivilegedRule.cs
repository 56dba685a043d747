using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// The application role may create roles or bypasses row-level security. A superuser is left to
/// <see cref="ApplicationRoleSuperuserRule"/>: superusers carry these attributes too, and one
/// finding says enough until that is fixed.
/// </summary>
public sealed class ApplicationRolePrivilegedRule : ISchemaRule
{
    public string Id => "application-role-privileged";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.High;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (ApplicationRole.Of(facts) is not { Superuser: false } role || !(role.CreateRole || role.BypassRowLevelSecurity))
        {
            yield break;
        }

        var granted = new List<string>();
        if (role.CreateRole)
        {
            granted.Add("CREATEROLE");
        }

        if (role.BypassRowLevelSecurity)
        {
            granted.Add("BYPASSRLS");
        }

        var name = SqlIdentifier.Quote(role.Name);
        yield return new Finding
        {
            RuleId = Id,
            Subject = ApplicationRole.Subject(role.Name),
            Severity = Severity,
            Area = Area,
            Title = $"The application role {role.Name} has {string.Join(" and ", granted)}",
            Rationale = "CREATEROLE lets the role create and alter other roles and grant itself their memberships; BYPASSRLS makes every " +
                "row-level security policy void for it. An application needs neither to serve requests; a migration or admin role may.",
            Evidence = [ApplicationRole.ChosenBy(facts), new Evidence("attributes", string.Join(", ", granted))],
            Remedy = new Remedy
            {
                Kind = ChangeKind.SchemaChange,
                Strategy = MigrationStrategy.Standard,
                Up = $"ALTER ROLE {name} {string.Join(' ', granted.Select(a => "NO" + a))};",
                Down = $"ALTER ROLE {name} {string.Join(' ', granted)};",
                PerformanceImpact = "None on the server. Role management and reads that policies now filter move to a separate administrative role.",
                Testing = $"SELECT rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = {SqlIdentifier.Literal(role.Name)} returns false, false; " +
                    "the application's tests pass with row-level security applied to it.",
            },
        };
    }
}
