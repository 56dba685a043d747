using DbArchitect.Core.Findings;

namespace DbArchitect.Evals.RealSchemas;

/// <summary>One independent fact against the tool: the tables the query expects, the tables the rule's findings name, and the difference either way.</summary>
internal sealed record FactCheck(ExpectedFact Fact, IReadOnlyList<string> Expected, IReadOnlyList<string> Found)
{
    public IReadOnlyList<string> Missed => Subtract(Expected, Found);
    public IReadOnlyList<string> Extra => Subtract(Found, Expected);

    public static FactCheck Of(ExpectedFact fact, IReadOnlyList<string> expected, IReadOnlyList<Finding> findings)
    {
        var ofRule = findings.Where(f => f.RuleId == fact.RuleId).ToList();
        IReadOnlyList<string> found = fact.PerTable
            ? [.. ofRule.SelectMany(f => f.Tables).Distinct(StringComparer.Ordinal)]
            : [.. ofRule.Select(f => f.Tables.FirstOrDefault() ?? f.Subject)];
        return new FactCheck(fact, fact.PerTable ? [.. expected.Distinct(StringComparer.Ordinal)] : expected, found);
    }

    // A multiset difference: a table with two unindexed foreign keys must be named twice.
    private static List<string> Subtract(IReadOnlyList<string> from, IReadOnlyList<string> remove)
    {
        var left = from.ToList();
        foreach (var item in remove)
        {
            left.Remove(item);
        }

        return [.. left.Order(StringComparer.Ordinal)];
    }
}
