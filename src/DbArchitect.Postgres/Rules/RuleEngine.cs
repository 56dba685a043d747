using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Rules;

/// <summary>Runs rules over facts and returns their findings worst first, one per key.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<Finding> Evaluate(AnalysisFacts facts, IEnumerable<ISchemaRule> rules) =>
        rules
            .SelectMany(rule => rule.Evaluate(facts))
            .GroupBy(finding => finding.Key, StringComparer.Ordinal)
            .Select(group => group.MaxBy(finding => finding.Severity)!)
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.Key, StringComparer.Ordinal)
            .ToList();
}
