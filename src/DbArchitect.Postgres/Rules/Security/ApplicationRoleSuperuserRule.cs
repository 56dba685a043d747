using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// The application connects as a superuser: every privilege check, row-level security policy and
/// file-access guard is skipped for it, so one injected statement owns the whole cluster.
/// </summary>
public sealed class ApplicationRoleSuperuserRule : ISchemaRule
{
    public string Id => "application-role-superuser";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (ApplicationRole.Of(facts) is not { Superuser: true } role)
        {
            yield break;
        }

        var name = SqlIdentifier.Quote(role.Name);
        yield return new Finding
        {
            RuleId = Id,
            Subject = ApplicationRole.Subject(role.Name),
            Severity = Severity,
            Area = Area,
            Title = $"The application role {role.Name} is a superuser",
            Rationale = "A superuser bypasses every GRANT, every row-level security policy and every guard on server files and programs " +
                "(COPY ... PROGRAM, untrusted languages): a single SQL injection in the application then reaches every database of the cluster. " +
                "The application needs only the privileges granted on its own objects.",
            Evidence = [ApplicationRole.ChosenBy(facts), new Evidence("rolsuper", "true")],
            Remedy = new Remedy
            {
                Kind = ChangeKind.SchemaChange,
                Strategy = MigrationStrategy.Standard,
                Up = $"ALTER ROLE {name} NOSUPERUSER;",
                Down = $"ALTER ROLE {name} SUPERUSER;",
                PerformanceImpact = "None on the server. The application loses what it did only as a superuser: grant those privileges first, " +
                    "and run this as another superuser (a role cannot give superuser back to itself).",
                Testing = $"SELECT rolsuper FROM pg_roles WHERE rolname = {SqlIdentifier.Literal(role.Name)} returns false; the application's own test suite passes " +
                    "against a database where it connects as this role.",
            },
        };
    }
}
