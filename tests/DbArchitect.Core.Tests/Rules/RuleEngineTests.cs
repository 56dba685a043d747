using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;

namespace DbArchitect.Core.Tests.Rules;

public sealed class RuleEngineTests
{
    [Fact]
    public void Findings_of_all_rules_come_back_worst_first_then_by_key()
    {
        ISampleRule[] rules = [new PlainRule(), new TypesAndKeysRule(), new KeysRule()];

        var findings = RuleEngine<SampleFacts>.Evaluate(new SampleFacts(["b", "a"]), rules);

        Assert.Equal(["keys:a", "keys:b", "plain:a", "plain:b", "a-types-and-keys:a", "a-types-and-keys:b"], findings.Select(f => f.Key));
        Assert.Equal(Severity.High, findings[0].Severity);
    }
}
