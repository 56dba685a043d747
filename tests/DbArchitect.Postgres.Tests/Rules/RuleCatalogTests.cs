using System.Text.RegularExpressions;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules;

public sealed class RuleCatalogTests
{
    private static readonly string[] Families = ["Schema", "Types", "Naming", "Design", "Indexes", "Integrity", "Health", "Configuration", "Security"];

    [Fact]
    public void Every_rule_class_in_the_assembly_is_run_by_the_catalog()
    {
        var classes = typeof(ISchemaRule).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ISchemaRule).IsAssignableFrom(type))
            .Select(type => type.FullName!);

        Assert.Equal(classes.Order(StringComparer.Ordinal), RuleCatalog.All.Select(rule => rule.GetType().FullName!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_have_unique_kebab_case_ids_and_are_sealed_classes_in_a_family_folder()
    {
        var ids = RuleCatalog.All.Select(rule => rule.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), id));
        Assert.All(RuleCatalog.All, rule => Assert.True(rule.GetType().IsSealed, rule.GetType().Name));
        Assert.All(RuleCatalog.All, rule => Assert.Contains(RuleFamilies.FolderOf(rule), Families));
    }

    [Fact]
    public void The_catalog_runs_rules_by_family_folder_then_id()
    {
        var order = RuleCatalog.All.Select(rule => (Namespace: rule.GetType().Namespace!, rule.Id)).ToList();

        Assert.Equal(order.OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal), order);
    }

    [Fact]
    public void Every_security_rule_and_no_other_speaks_for_the_security_statement()
    {
        Assert.Equal(
            RuleFamilies.Security.Select(rule => rule.Id).Order(StringComparer.Ordinal),
            RuleCatalog.IdsFor(QaStatement.Security).Order(StringComparer.Ordinal));
    }
}
