using System.Globalization;
using System.Text;
using DbArchitect.Core.Findings;
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
                Up = Up(owned, facts.Snapshot.Sequences, role.Name, ownerRole),
                Down = Down(owned, facts.Snapshot.Sequences, role.Name, ownerRole),
                PerformanceImpact = "ALTER TABLE ... OWNER takes a brief ACCESS EXCLUSIVE lock per table; run it in a quiet moment. Migrations then " +
                    $"run as {ownerRole} (SET ROLE) or as an administrator.",
                Testing = $"SELECT count(*) FROM pg_class WHERE relowner = {SqlIdentifier.Literal(role.Name)}::regrole AND relkind IN ('r', 'p') returns 0; " +
                    "the application's tests pass, and DROP TABLE as the application role fails with \"must be owner\".",
            },
        };
    }

    private static string Up(IReadOnlyList<TableInfo> owned, IReadOnlyList<SequenceInfo> sequences, string role, string ownerRole)
    {
        var (app, owner) = (SqlIdentifier.Quote(role), SqlIdentifier.Quote(ownerRole));
        var sql = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"CREATE ROLE {owner} NOLOGIN;");
        foreach (var table in owned)
        {
            // OWNER TO carries the table's owned sequences along; serial defaults call nextval as
            // the application, which then needs USAGE on them.
            sql.AppendLine(CultureInfo.InvariantCulture, $"ALTER TABLE {table.QualifiedName} OWNER TO {owner};")
                .AppendLine(CultureInfo.InvariantCulture, $"GRANT {RowPrivileges} ON {table.QualifiedName} TO {app};");
            foreach (var sequence in OwnedSequences(table, sequences))
            {
                sql.AppendLine(CultureInfo.InvariantCulture, $"GRANT USAGE ON SEQUENCE {sequence} TO {app};");
            }
        }

        return sql.ToString().TrimEnd();
    }

    // The grants are revoked while the owner role still owns the tables, so that they are removed
    // as the grants it made rather than rewritten onto the application as its own.
    private static string Down(IReadOnlyList<TableInfo> owned, IReadOnlyList<SequenceInfo> sequences, string role, string ownerRole)
    {
        var (app, owner) = (SqlIdentifier.Quote(role), SqlIdentifier.Quote(ownerRole));
        var sql = new StringBuilder();
        foreach (var table in owned)
        {
            foreach (var sequence in OwnedSequences(table, sequences))
            {
                sql.AppendLine(CultureInfo.InvariantCulture, $"REVOKE USAGE ON SEQUENCE {sequence} FROM {app};");
            }

            sql.AppendLine(CultureInfo.InvariantCulture, $"REVOKE {RowPrivileges} ON {table.QualifiedName} FROM {app};")
                .AppendLine(CultureInfo.InvariantCulture, $"ALTER TABLE {table.QualifiedName} OWNER TO {app};");
        }

        return sql.AppendLine(CultureInfo.InvariantCulture, $"DROP ROLE {owner};").ToString().TrimEnd();
    }

    private static IEnumerable<string> OwnedSequences(TableInfo table, IReadOnlyList<SequenceInfo> sequences) =>
        sequences.Where(s => string.Equals(s.OwnedBySchema, table.Schema, StringComparison.Ordinal) && string.Equals(s.OwnedByTable, table.Name, StringComparison.Ordinal))
            .Select(s => SqlIdentifier.Qualify(s.Schema, s.Name));
}
