using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// A SECURITY DEFINER routine without its own search_path resolves unqualified names with the
/// caller's: a caller who can create objects anywhere on that path (pg_temp always qualifies)
/// makes the routine run the caller's code with the owner's rights.
/// </summary>
public sealed class SecurityDefinerSearchPathRule : ISchemaRule
{
    public string Id => "security-definer-search-path-unset";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.High;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        foreach (var routine in facts.Snapshot.SecurityDefinerFunctions.Where(f => !f.PinnedSearchPath))
        {
            // The routine's own schema first, so its unqualified names keep resolving as today for
            // callers with the usual path; pg_temp last, where nobody's temporary objects win.
            var path = $"{SqlIdentifier.Quote(routine.Schema)}, pg_temp";
            yield return new Finding
            {
                RuleId = Id,
                Subject = routine.Signature,
                Severity = Severity,
                Area = Area,
                Title = $"SECURITY DEFINER routine {routine.Signature} has no search_path of its own",
                Rationale = "The routine runs with its owner's privileges but looks up unqualified tables, functions and operators on the caller's " +
                    "search_path. A caller who puts a same-named object earlier on that path (a temporary table or function is enough) runs it as the owner. " +
                    "The PostgreSQL manual asks every SECURITY DEFINER routine to set search_path, with pg_temp last.",
                Evidence = [new Evidence("owner", routine.Owner), new Evidence("proconfig", "no search_path")],
                Remedy = new Remedy
                {
                    Kind = ChangeKind.SchemaChange,
                    Strategy = MigrationStrategy.Standard,
                    Up = $"ALTER ROUTINE {routine.Signature} SET search_path = {path};",
                    Down = $"ALTER ROUTINE {routine.Signature} RESET search_path;",
                    PerformanceImpact = "None worth measuring: the setting is applied on each call. Names the routine takes from other schemas must be schema-qualified or their schema added to the path.",
                    Testing = $"SELECT proconfig FROM pg_proc WHERE oid = {SqlIdentifier.Literal(routine.Procedure)}::regprocedure lists search_path; the routine's tests pass.",
                },
            };
        }
    }
}
