using DbArchitect.Core.Rules;

namespace DbArchitect.Core.Tests.Rules;

public sealed class RuleCatalogTests
{
    [Fact]
    public void The_catalog_runs_every_concrete_rule_class_among_the_types_by_id_and_nothing_else()
    {
        var catalog = RuleCatalog<ISampleRule>.Of([typeof(PlainRule), typeof(SampleRule), typeof(KeysRule), typeof(string), typeof(TypesAndKeysRule)]);

        Assert.Equal(["a-types-and-keys", "keys", "plain"], catalog.All.Select(rule => rule.Id));
    }

    [Fact]
    public void A_rule_class_the_catalog_cannot_construct_fails_the_catalog_instead_of_being_skipped()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RuleCatalog<ISampleRule>.Of([typeof(KeysRule), typeof(ConfiguredRule)]));

        Assert.Contains(nameof(ConfiguredRule), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rules_with_one_id_fail_the_catalog()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RuleCatalog<ISampleRule>.Of([typeof(KeysRule), typeof(SecondKeysRule), typeof(PlainRule)]));

        Assert.Contains("keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_rests_on_the_rules_that_declare_it_alone_or_among_others()
    {
        var catalog = RuleCatalog<ISampleRule>.Of([typeof(KeysRule), typeof(TypesAndKeysRule), typeof(PlainRule)]);

        Assert.Equal(["a-types-and-keys", "keys"], catalog.IdsFor(QaStatement.KeysAndConstraints).Order(StringComparer.Ordinal));
        Assert.Equal(["a-types-and-keys"], catalog.IdsFor(QaStatement.DataTypes));
        Assert.Empty(catalog.IdsFor(QaStatement.Security));
        Assert.Empty(catalog.IdsFor(QaStatement.None));
    }
}
