using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Rules;

/// <summary>Runs rules over facts and returns their findings worst first, one per key.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<Finding> Evaluate(AnalysisFacts facts, IEnumerable<ISchemaRule> rules) =>
        FindingRanking.Rank(rules.SelectMany(rule => rule.Evaluate(facts)));
}
