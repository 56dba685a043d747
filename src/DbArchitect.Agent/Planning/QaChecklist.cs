using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Planning;

/// <summary>
/// The role definition's Quality Assurance checklist. A box is ticked only when a tool verified
/// the statement in this run, and every line says whether its statement was measured this run: from
/// what <see cref="RunCoverage"/> reports the stages did, never from what they could do.
/// </summary>
internal static class QaChecklist
{
    private const string Measured = "measured this run";
    private const string NotMeasured = "not measured this run";

    public static IReadOnlyList<QaCheck> Build(IReadOnlyList<Finding> findings, int itemCount, RunCoverage coverage)
    {
        return
        [
            RulesFoundNothing("DB-QA-1", "All schemas have proper primary keys, foreign keys, and constraints", findings,
                f => (f.Area == FindingArea.DataIntegrity && !QaRuleSets.Security.Contains(f.RuleId)) || QaRuleSets.KeysAndConstraints.Contains(f.RuleId)),
            IndexesJustified(findings, coverage),
            new QaCheck
            {
                Id = "DB-QA-3",
                Done = coverage.SqlChecked,
                Text = "Every migration has a tested rollback script",
                Evidence = coverage.SqlChecked
                    ? string.Create(CultureInfo.InvariantCulture, $"{Measured}: {itemCount} open items: change then rollback executed on a scratch copy of the schema, inside a transaction that was rolled back (VACUUM and ALTER SYSTEM, which cannot run in a transaction, checked by their parse and the objects they name){Analogy(coverage)}")
                    : $"{NotMeasured}: no scratch PostgreSQL could be started to run the changes and rollbacks",
            },
            new QaCheck
            {
                Id = "DB-QA-4",
                Done = false,
                Text = "Query optimizations validated with EXPLAIN ANALYZE on realistic data",
                Evidence = coverage.StatementsPlanned > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{NotMeasured}: {coverage.StatementsPlanned} workload statements were planned with EXPLAIN but never executed (analyze runs nothing on the target); use `dbarch explain --analyze` per statement")
                    : $"{NotMeasured}: no workload statement was planned, and analyze executes none; use `dbarch explain --analyze` per statement",
            },
            RulesFoundNothing("DB-QA-5", "Connection pooling and database configuration tuned for expected load", findings,
                f => (f.Remedy?.Kind == ChangeKind.Configuration && !QaRuleSets.Security.Contains(f.RuleId)) || QaRuleSets.Connections.Contains(f.RuleId)),
            RulesFoundNothing("DB-QA-6", "Security measures include parameterized queries and access control", findings,
                f => QaRuleSets.Security.Contains(f.RuleId),
                "access control: the security rules (application role, grants to PUBLIC, SECURITY DEFINER routines, row-level security, languages, extensions, password hashing, SSL)",
                $"parameterised queries {NotMeasured}: they live in the application's code, which analyze does not read"),
            RulesFoundNothing("DB-QA-7", "Data types are appropriate and storage-efficient for each column", findings,
                f => QaRuleSets.DataTypes.Contains(f.RuleId)),
        ];
    }

    /// <summary>
    /// Measured only when the workload was planned and the advisor could cost what its plans
    /// suggested (or they suggested nothing): then its proposals are all used by some plan, and
    /// the existing indexes stand if no rule calls one unused, duplicate or redundant.
    /// </summary>
    private static QaCheck IndexesJustified(IReadOnlyList<Finding> findings, RunCoverage coverage)
    {
        const string id = "DB-QA-2";
        const string text = "Indexes are justified by actual query patterns (no speculative indexes)";
        if (coverage.StatementsPlanned == 0)
        {
            return new QaCheck
            {
                Id = id,
                Done = false,
                Text = text,
                Evidence = $"{NotMeasured}: no workload statement was planned (pg_stat_statements empty or unreadable, no --workload file), so no index was weighed against queries",
            };
        }

        if (coverage.IndexCandidates > 0 && coverage.IndexCandidatesCosted == 0)
        {
            return new QaCheck
            {
                Id = id,
                Done = false,
                Text = text,
                Evidence = string.Create(CultureInfo.InvariantCulture,
                    $"{NotMeasured}: the plans of {coverage.StatementsPlanned} workload statements suggested {coverage.IndexCandidates} candidate indexes, but the index advisor could cost none (hypopg not installed, no scratch trial)"),
            };
        }

        var advisor = string.Create(CultureInfo.InvariantCulture,
            $"{Measured}: the index advisor costed {coverage.IndexCandidatesCosted} of {coverage.IndexCandidates} candidate indexes over {coverage.StatementsPlanned} planned workload statements and proposes only indexes a plan uses");
        var unjustified = findings.Where(f => QaRuleSets.UnjustifiedIndexes.Contains(f.RuleId)).ToList();
        return new QaCheck
        {
            Id = id,
            Done = unjustified.Count == 0,
            Text = text,
            Evidence = unjustified.Count == 0 ? $"{advisor}; no existing index is unused, duplicate or redundant" : $"{advisor}; open: {Open(unjustified)}",
        };
    }

    // scope: which rules speak for the statement, when not simply this check's; unmeasured: the
    // part of the statement no rule can measure, said on the same line.
    private static QaCheck RulesFoundNothing(string id, string text, IReadOnlyList<Finding> findings, Func<Finding, bool> relevant, string? scope = null, string? unmeasured = null)
    {
        var hits = findings.Where(relevant).ToList();
        var checkedBy = scope ?? "the schema rules for this check";
        var verdict = hits.Count == 0
            ? $"{Measured} on the live catalog: {checkedBy} found nothing"
            : $"{Measured} on the live catalog: {checkedBy}, open: {Open(hits)}";
        return new QaCheck
        {
            Id = id,
            Done = hits.Count == 0,
            Text = text,
            Evidence = unmeasured is null ? verdict : $"{verdict}; {unmeasured}",
        };
    }

    private static string Open(IReadOnlyList<Finding> hits) => string.Create(CultureInfo.InvariantCulture,
        $"{hits.Count} findings ({string.Join(", ", hits.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})");

    private static string Analogy(RunCoverage coverage) => coverage.StatementsByAnalogy == 0
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"; {coverage.StatementsByAnalogy:N0} statements of same-shape index scripts were not executed but accepted by analogy with a spread of 16 per shape that were, their tables and column types alike in the schema dump");
}
