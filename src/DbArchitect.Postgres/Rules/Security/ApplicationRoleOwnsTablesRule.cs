using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// The application role owns the tables it reads and writes. An owner can drop, truncate and
/// alter its tables and is exempt from their row-level security unless it is forced, so an
/// injected statement can do all of that too. The remedy hands the tables to a separate role
/// that cannot log in and grants the application only what it uses rows for.
/// </summary>
public sealed class ApplicationRoleOwnsTablesRule : ISchemaRule
{
    private const string RowPrivileges = "SELECT, INSERT, UPDATE, DELETE";

    public string Id => "application-role-owns-tables";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (ApplicationRole.Of(facts) is not { } role)
        {
            yield break;
        }

        var owned = facts.Snapshot.Tables
            .Where(t => t.Kind is TableKind.Table or TableKind.PartitionedTable && string.Equals(t.Owner, role.Name, StringComparison.Ordinal))
            .ToList();
        if (owned.Count == 0)
        {
            yield break;
        }

        var names = owned.Select(t => t.QualifiedName).ToList();
        var ownerRole = role.Name + "_owner";
        yield return new Finding
        {
            RuleId = Id,
            Subject = ApplicationRole.Subject(role.Name),
            Severity = Severity,
            Area = Area,
            Title = string.Create(CultureInfo.InvariantCulture, $"The application role {role.Name} owns {owned.Count} tables it works on"),
            Rationale = "The owner of a table may DROP, TRUNCATE and ALTER it and is exempt from its row-level security unless FORCE is set; " +
                "whatever reaches the database through the application can do the same. A separate owner role, which does not log in, keeps " +
                "the schema out of the application's reach while it keeps its row privileges.",
            Evidence =
            [
                ApplicationRole.ChosenBy(facts),
                new Evidence("tables owned", string.Create(CultureInfo.InvariantCulture, $"{owned.Count}: {ManyObjects.List(names)}")),
            ],
            Tables = names,
            Remedy = new Remedy
            {
                Kind = ChangeKind.SchemaChange,
                Strategy = MigrationStrategy.Standard,
                Up = Up(facts.Snapshot.Schemas, role.Name, ownerRole),
                Down = Down(role.Name, ownerRole),
                PerformanceImpact = "ALTER TABLE ... OWNER takes a brief ACCESS EXCLUSIVE lock per table; run it in a quiet moment. Migrations then " +
                    $"run as {ownerRole} (SET ROLE) or as an administrator.",
                Testing = $"SELECT count(*) FROM pg_class WHERE relowner = {SqlIdentifier.Literal(role.Name)}::regrole AND relkind IN ('r', 'p') returns 0; " +
                    "the application's tests pass, and DROP TABLE as the application role fails with \"must be owner\".",
            },
        };
    }

    // The tables move in a loop on the server rather than one statement each: the rule fires for
    // every table of a schema an application created, and at 10,000 tables a statement per table
    // would be the largest item of the TODO. The owner role is new, so the rollback moves back
    // exactly what it owns.
    private static string Up(IReadOnlyList<SchemaInfo> schemas, string role, string ownerRole)
    {
        var (app, owner) = (SqlIdentifier.Literal(role), SqlIdentifier.Literal(ownerRole));
        return $$"""
            CREATE ROLE {{SqlIdentifier.Quote(ownerRole)}} NOLOGIN;
            DO $move$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c
                         WHERE c.relowner = {{app}}::regrole AND c.relkind IN ('r', 'p')
                           AND c.relnamespace = ANY ({{SchemaArray(schemas)}}::regnamespace[])
                           AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
                LOOP
                    EXECUTE format('ALTER TABLE %s OWNER TO %I', r.rel, {{owner}});
                    EXECUTE format('GRANT {{RowPrivileges}} ON %s TO %I', r.rel, {{app}});
                END LOOP;
                -- OWNER TO took the tables' own sequences along; serial defaults call nextval as the application.
                FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c WHERE c.relowner = {{owner}}::regrole AND c.relkind = 'S'
                LOOP
                    EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I', r.rel, {{app}});
                END LOOP;
            END
            $move$;
            """;
    }

    // Grants are revoked while the owner role still owns the tables, so they go as the grants it
    // made rather than being rewritten onto the application as its own.
    private static string Down(string role, string ownerRole)
    {
        var (app, owner) = (SqlIdentifier.Literal(role), SqlIdentifier.Literal(ownerRole));
        return $$"""
            DO $move$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c WHERE c.relowner = {{owner}}::regrole AND c.relkind = 'S'
                LOOP
                    EXECUTE format('REVOKE USAGE ON SEQUENCE %s FROM %I', r.rel, {{app}});
                END LOOP;
                FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c WHERE c.relowner = {{owner}}::regrole AND c.relkind IN ('r', 'p')
                LOOP
                    EXECUTE format('REVOKE {{RowPrivileges}} ON %s FROM %I', r.rel, {{app}});
                    EXECUTE format('ALTER TABLE %s OWNER TO %I', r.rel, {{app}});
                END LOOP;
            END
            $move$;
            DROP ROLE {{SqlIdentifier.Quote(ownerRole)}};
            """;
    }

    private static string SchemaArray(IReadOnlyList<SchemaInfo> schemas) =>
        $"ARRAY[{string.Join(", ", schemas.Select(s => SqlIdentifier.Literal(SqlIdentifier.Quote(s.Name))))}]";
}
