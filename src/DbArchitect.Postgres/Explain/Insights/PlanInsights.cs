using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>The one list of plan insights.</summary>
public static class PlanInsights
{
    public static IReadOnlyList<IPlanInsight> All { get; } =
    [
        new SeqScanWithSelectiveFilterInsight(),
        new RowEstimateOffInsight(),
        new SpillToDiskInsight(),
        new NestedLoopOverManyRowsInsight(),
        new IndexFilterMismatchInsight(),
        new HeapFetchesInsight(),
        new NonSargablePredicateInsight(),
        new LeadingWildcardLikeInsight(),
        new StatementTextInsight(),
    ];

    public static IReadOnlyList<Finding> Evaluate(PlanInsightContext context) =>
        FindingRanking.Rank(All.SelectMany(insight => insight.Evaluate(context)));
}
