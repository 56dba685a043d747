using System.Text.RegularExpressions;
using DbArchitect.Postgres.Rules;

namespace DbArchitect.Postgres.Tests.Rules;

public sealed class DesignRulesCatalogTests
{
    [Fact]
    public void Design_rules_have_unique_kebab_case_ids_and_live_in_a_family_folder()
    {
        var ids = DesignRules.All.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), id));
        Assert.All(DesignRules.All, r => Assert.True(r.GetType().IsSealed, r.GetType().Name));
        Assert.All(DesignRules.All, r => Assert.Contains(r.GetType().Namespace!.Split('.')[^1], new[] { "Schema", "Types", "Naming", "Design" }));
        Assert.All(DesignRules.All, r => Assert.Contains(r, RuleCatalog.All));
    }
}
