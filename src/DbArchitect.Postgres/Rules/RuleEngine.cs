using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;

namespace DbArchitect.Postgres.Rules;

/// <summary>Runs schema rules over facts and returns their findings worst first, one per key.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<Finding> Evaluate(AnalysisFacts facts, IEnumerable<ISchemaRule> rules) =>
        RuleEngine<AnalysisFacts>.Evaluate(facts, rules);
}
