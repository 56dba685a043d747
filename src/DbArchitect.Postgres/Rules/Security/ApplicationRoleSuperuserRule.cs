using System.Globalization;
using System.Text;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
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
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (ApplicationRole.Of(facts) is not { Superuser: true } role)
        {
            yield break;
        }

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
            Remedy = string.Equals(role.Name, facts.Snapshot.Server.ConnectedRole, StringComparison.Ordinal)
                ? SeparateLoginRole(role.Name, facts.Snapshot.Schemas)
                : Demote(role.Name),
        };
    }

    private static Remedy Demote(string role)
    {
        var name = SqlIdentifier.Quote(role);
        return new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = MigrationStrategy.Standard,
            Up = $"ALTER ROLE {name} NOSUPERUSER;",
            Down = $"ALTER ROLE {name} SUPERUSER;",
            PerformanceImpact = "None on the server. The application loses what it did only as a superuser: grant those privileges first.",
            Testing = $"SELECT rolsuper FROM pg_roles WHERE rolname = {SqlIdentifier.Literal(role)} returns false; the application's own test suite passes " +
                "against a database where it connects as this role.",
        };
    }

    /// <summary>
    /// The role analyze connects as cannot be demoted by a change that is proven change-then-rollback
    /// in its own session (once it is no superuser, it cannot give superuser back), and it is often
    /// the administrator the cluster was created with. So the application gets a login role of its
    /// own with row privileges on the analysed schemas, and the superuser stays for administration.
    /// </summary>
    private static Remedy SeparateLoginRole(string role, IReadOnlyList<SchemaInfo> schemas)
    {
        var app = SqlIdentifier.Quote(role + "_app");
        var up = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"CREATE ROLE {app} LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS;");
        foreach (var schema in schemas.Select(s => SqlIdentifier.Quote(s.Name)))
        {
            up.AppendLine(CultureInfo.InvariantCulture, $"GRANT USAGE ON SCHEMA {schema} TO {app};")
                .AppendLine(CultureInfo.InvariantCulture, $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app};")
                .AppendLine(CultureInfo.InvariantCulture, $"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {app};");
        }

        return new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = MigrationStrategy.Standard,
            Up = up.ToString().TrimEnd(),

            // DROP OWNED revokes every privilege granted to the role in this database; it owns nothing.
            Down = $"DROP OWNED BY {app};\nDROP ROLE {app};",
            PerformanceImpact = $"None on the server. Set a password for {role}_app (\\password in psql), point the application's connection string at it, " +
                "and keep the superuser for administration and migrations.",
            Testing = $"SELECT rolsuper FROM pg_roles WHERE rolname = {SqlIdentifier.Literal(role + "_app")} returns false; the application's tests pass connected as {role}_app.",
        };
    }
}
