using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Planning;

/// <summary>
/// The role definition's Quality Assurance checklist. A box is ticked only when a tool verified
/// the statement in this run, and the evidence says what it saw; a statement no tool here can
/// check (yet) stays open and says what would verify it.
/// </summary>
internal static class QaChecklist
{
    public static IReadOnlyList<QaCheck> Build(IReadOnlyList<Finding> findings, int itemCount, bool sqlChecked)
    {
        return
        [
            RulesFoundNothing("DB-QA-1", "All schemas have proper primary keys, foreign keys, and constraints", findings,
                f => f.Area == FindingArea.DataIntegrity || QaRuleSets.KeysAndConstraints.Contains(f.RuleId)),
            new QaCheck
            {
                Id = "DB-QA-2",
                Done = false,
                Text = "Indexes are justified by actual query patterns (no speculative indexes)",
                Evidence = "not verified: needs the workload-driven index advisor (hypothetical indexes costed on the workload)",
            },
            new QaCheck
            {
                Id = "DB-QA-3",
                Done = sqlChecked,
                Text = "Every migration has a tested rollback script",
                Evidence = sqlChecked
                    ? string.Create(CultureInfo.InvariantCulture, $"{itemCount} open items: change then rollback executed on a scratch copy of the schema, inside a transaction that was rolled back (VACUUM and ALTER SYSTEM, which cannot run in a transaction, checked by pattern)")
                    : "not verified: no scratch PostgreSQL could be started to run the changes and rollbacks",
            },
            new QaCheck
            {
                Id = "DB-QA-4",
                Done = false,
                Text = "Query optimizations validated with EXPLAIN ANALYZE on realistic data",
                Evidence = "not verified: statements are planned, not executed, during analyze; use `dbarch explain --analyze` per statement",
            },
            RulesFoundNothing("DB-QA-5", "Connection pooling and database configuration tuned for expected load", findings,
                f => f.Remedy?.Kind == ChangeKind.Configuration || QaRuleSets.Connections.Contains(f.RuleId)),
            new QaCheck
            {
                Id = "DB-QA-6",
                Done = false,
                Text = "Security measures include parameterized queries and access control",
                Evidence = "not verified: parameterised queries live in the application's code, which analyze does not read",
            },
            RulesFoundNothing("DB-QA-7", "Data types are appropriate and storage-efficient for each column", findings,
                f => QaRuleSets.DataTypes.Contains(f.RuleId)),
        ];
    }

    private static QaCheck RulesFoundNothing(string id, string text, IReadOnlyList<Finding> findings, Func<Finding, bool> relevant)
    {
        var hits = findings.Count(relevant);
        return new QaCheck
        {
            Id = id,
            Done = hits == 0,
            Text = text,
            Evidence = hits == 0
                ? "the schema rules for this check found nothing on the live catalog"
                : string.Create(CultureInfo.InvariantCulture, $"open: {hits} findings ({string.Join(", ", findings.Where(relevant).Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})"),
        };
    }
}
