using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;

namespace DbArchitect.Core.Tests.Rules;

/// <summary>Facts for rules that report what they are handed: the subjects to report.</summary>
public sealed record SampleFacts(IReadOnlyList<string> Subjects);

public interface ISampleRule : IRule<SampleFacts>;

/// <summary>A rule reporting each subject at its severity; its id and statements are whatever a test needs.</summary>
public abstract class SampleRule(string id, Severity severity, QaStatement statements = QaStatement.None) : ISampleRule
{
    public string Id => id;
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => severity;
    public QaStatement QaStatements => statements;

    public IEnumerable<Finding> Evaluate(SampleFacts facts) => facts.Subjects.Select(subject => new Finding
    {
        RuleId = Id,
        Subject = subject,
        Severity = Severity,
        Area = Area,
        Title = $"{Id} on {subject}",
        Rationale = "test",
    });
}

public sealed class KeysRule() : SampleRule("keys", Severity.High, QaStatement.KeysAndConstraints);

public sealed class TypesAndKeysRule() : SampleRule("a-types-and-keys", Severity.Low, QaStatement.DataTypes | QaStatement.KeysAndConstraints);

public sealed class PlainRule() : SampleRule("plain", Severity.Medium);

public sealed class SecondKeysRule() : SampleRule("keys", Severity.Low);

public sealed class ConfiguredRule(string id) : SampleRule(id, Severity.Low);
