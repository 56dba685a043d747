using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// A SECURITY DEFINER routine every role may call. It runs with its owner's rights, so PUBLIC's
/// EXECUTE (the default for new functions) hands those rights to anyone who can connect.
/// </summary>
public sealed class SecurityDefinerPublicExecuteRule : ISchemaRule
{
    public string Id => "security-definer-public-execute";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        foreach (var routine in facts.Snapshot.SecurityDefinerFunctions.Where(f => f.PublicExecute))
        {
            yield return new Finding
            {
                RuleId = Id,
                Subject = routine.Signature,
                Severity = Severity,
                Area = Area,
                Title = $"Every role may execute SECURITY DEFINER routine {routine.Signature}, which runs as {routine.Owner}",
                Rationale = "A SECURITY DEFINER routine acts with its owner's privileges. PostgreSQL grants EXECUTE on new routines to PUBLIC, " +
                    "so unless that was revoked, every role that can connect borrows the owner's rights through it. Grant EXECUTE to the roles meant to call it.",
                Evidence = [new Evidence("owner", routine.Owner), new Evidence("proacl", "PUBLIC holds EXECUTE")],
                Remedy = new Remedy
                {
                    Kind = ChangeKind.SchemaChange,
                    Strategy = MigrationStrategy.Standard,
                    Up = $"REVOKE EXECUTE ON ROUTINE {routine.Signature} FROM PUBLIC;",
                    Down = $"GRANT EXECUTE ON ROUTINE {routine.Signature} TO PUBLIC;",
                    PerformanceImpact = "None. Callers other than the owner need EXECUTE granted by name (GRANT EXECUTE ON ROUTINE ... TO app).",
                    Testing = $"SELECT has_function_privilege('public', {SqlIdentifier.Literal(routine.Procedure)}, 'EXECUTE') returns false; the application's calls still succeed.",
                },
            };
        }
    }
}
