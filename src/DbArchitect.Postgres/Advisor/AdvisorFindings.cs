using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Advisor;

/// <summary>The advisor's recommendations as findings: one per index to create, one per index it makes redundant.</summary>
public static class AdvisorFindings
{
    public const string RecommendId = "index-advisor";
    public const string RedundantId = "index-advisor-redundant";

    /// <summary>Plan insights whose remedy is a plain B-tree guess; where the advisor measured the table, its answer replaces the guess.</summary>
    public static readonly IReadOnlySet<string> SupersededInsights = new HashSet<string>(StringComparer.Ordinal) { SeqScanWithSelectiveFilterInsight.InsightId, IndexFilterMismatchInsight.InsightId };

    public static IReadOnlyList<Finding> From(AdvisorResult result)
    {
        var findings = result.Recommendations.Select(r => Recommend(r, result.SelectionMethod)).ToList();
        findings.AddRange(result.Redundant.Select(Redundant));
        return findings;
    }

    private static Finding Recommend(IndexRecommendation recommendation, string selection)
    {
        var index = recommendation.Index;
        var before = recommendation.Helps.Sum(h => h.CostBefore * h.Calls);
        var after = recommendation.Helps.Sum(h => h.CostAfter * h.Calls);
        var best = recommendation.Helps.Select(h => h.CostAfter > 0 ? h.CostBefore / h.CostAfter : double.PositiveInfinity).DefaultIfEmpty(1).Max();
        var evidence = new List<Evidence>();
        evidence.AddRange(recommendation.Helps.Select(h => new Evidence(
            "statement",
            Invariant($"{SqlText.OneLine(h.Statement, 100)} — cost {h.CostBefore:N2} → {h.CostAfter:N2}{(h.Calls > 1 ? Invariant($" × {h.Calls:N0} calls") : "")}"))));
        evidence.Add(new Evidence("estimated size", MeasureText.Bytes(recommendation.EstimatedBytes)));
        evidence.Add(new Evidence("write overhead", Invariant($"{recommendation.WritesToMaintain:N0} rows written to {index.QualifiedTable} since statistics were reset would each maintain it")));
        evidence.Add(new Evidence("measured with", Source(recommendation.Evidence)));
        evidence.Add(new Evidence("selected by", selection));

        return new Finding
        {
            RuleId = RecommendId,
            Subject = index.QualifiedName,
            Severity = best >= 10 ? Severity.High : best >= 2 ? Severity.Medium : Severity.Low,
            Area = FindingArea.Indexing,
            Title = Invariant($"Create {index.QualifiedName}: {recommendation.Helps.Count} workload statement(s) drop from cost {before:N0} to {after:N0}"),
            Rationale = "Chosen from candidates the workload's plans suggested, by re-planning every affected statement with the index present and weighing the saving against the index's size and upkeep.",
            Evidence = evidence,
            Tables = [index.QualifiedTable],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Index,
                Strategy = MigrationStrategy.OnlineDdl,
                Up = index.Prerequisite is null ? index.CreateStatement : $"{index.Prerequisite}\n{index.CreateStatement}",
                Down = index.DropStatement,
                Creates = [index.QualifiedName],
                PerformanceImpact = Invariant($"Planner cost of the statements it serves falls by {(before > 0 ? (before - after) / before : 0):P0}; about {MeasureText.Bytes(recommendation.EstimatedBytes)} more disk and one more index to maintain per written row."),
                Testing = Testing(index),
            },
        };
    }

    // The name check catches an index of that name that was there before and is something else.
    private static string Testing(IndexCandidate index) =>
        $"SELECT indexdef FROM pg_indexes WHERE schemaname = {SqlIdentifier.Literal(index.Schema)} AND indexname = {SqlIdentifier.Literal(index.Name)}; "
        + $"must return one row, the definition {index.ServerDefinition} (and pg_index.indisvalid true). "
        + "Then run `dbarch advise` (or `dbarch explain` on each statement listed): the plans should use the index at the cost shown.";

    private static Finding Redundant(RedundantIndex redundant) => new()
    {
        RuleId = RedundantId,
        Subject = redundant.QualifiedName,
        Severity = Severity.Low,
        Area = FindingArea.Indexing,
        Title = $"Drop {redundant.QualifiedName} once {redundant.CoveredBy} exists",
        Rationale = "Its keys are a leading prefix of the recommended index, which serves every lookup it serves; keeping both doubles the write cost for nothing.",
        Evidence = [new("definition", redundant.Definition), new("size", MeasureText.Bytes(redundant.Bytes)), new("covered by", redundant.CoveredBy)],
        Tables = [redundant.QualifiedTable],
        Remedy = new Remedy
        {
            Kind = ChangeKind.Index,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = redundant.DropStatement,
            Down = redundant.RecreateStatement,
            PerformanceImpact = $"Frees {MeasureText.Bytes(redundant.Bytes)} and one index maintenance per written row; run only after {redundant.CoveredBy} is built and valid.",
            Testing = $"Check that pg_stat_user_indexes.idx_scan of {redundant.CoveredBy} rises while the statements' plans keep their cost.",
        },
    };

    private static string Source(EvidenceSource source) => source switch
    {
        EvidenceSource.Hypothetical => "hypopg on the target (hypothetical index, nothing written)",
        EvidenceSource.ScratchTrial => "a real index on a scratch copy holding a sample of the target's rows",
        _ => "plan-only heuristics (not measured)",
    };


    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
