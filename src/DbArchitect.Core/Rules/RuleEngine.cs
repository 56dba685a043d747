using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Rules;

/// <summary>Runs an engine's rules over its facts and returns their findings worst first, one per key.</summary>
/// <typeparam name="TFacts">What the engine's rules read.</typeparam>
public static class RuleEngine<TFacts>
{
    public static IReadOnlyList<Finding> Evaluate(TFacts facts, IEnumerable<IRule<TFacts>> rules) =>
        FindingRanking.Rank(rules.SelectMany(rule => rule.Evaluate(facts)));
}
