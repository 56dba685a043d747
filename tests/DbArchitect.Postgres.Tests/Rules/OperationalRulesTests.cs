using System.Text.RegularExpressions;
using DbArchitect.Postgres.Rules;

namespace DbArchitect.Postgres.Tests.Rules;

public sealed class OperationalRulesTests
{
    [Fact]
    public void Every_operational_rule_has_a_unique_kebab_case_id_and_is_in_the_catalog()
    {
        var ids = OperationalRules.All.Select(r => r.Id).ToList();

        Assert.All(ids, id => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(OperationalRules.All, rule => Assert.Contains(rule, RuleCatalog.All));
    }
}
