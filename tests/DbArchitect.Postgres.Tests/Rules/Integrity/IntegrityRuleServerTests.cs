using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Integrity;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Integrity;

public sealed class IntegrityRuleServerTests(IntegrityRulesDatabase database) : IClassFixture<IntegrityRulesDatabase>
{
    private async Task<List<Finding>> FindAsync(ISchemaRule rule, RuleOptions? options = null) =>
        [.. rule.Evaluate(await database.CollectAsync(options))];

    [Fact]
    public async Task Constraint_added_not_valid_is_reported_with_validate_constraint()
    {
        var finding = Assert.Single(await FindAsync(new ConstraintNotValidatedRule()));

        Assert.Equal("ig.orders.orders_amount_positive", finding.Subject);
        Assert.Equal("ALTER TABLE ig.orders VALIDATE CONSTRAINT orders_amount_positive;", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Foreign_keys_without_on_delete_are_listed_once_and_cascading_ones_are_not()
    {
        var finding = Assert.Single(await FindAsync(new ForeignKeyDeleteActionUnsetRule()));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.StartsWith("2 of 3 foreign keys", finding.Title, StringComparison.Ordinal);
        var listed = finding.Evidence[1].Value;
        Assert.Contains("orders_customer_id_fkey", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("orders_payer_id_fkey", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nullable_foreign_key_column_without_nulls_on_a_large_table_gets_not_null()
    {
        var findings = await FindAsync(new NullableForeignKeyColumnRule(), new RuleOptions { LargeTableRows = 1_000 });

        var finding = Assert.Single(findings);
        Assert.Equal("ig.orders.customer_id", finding.Subject);
        Assert.Equal(Severity.Low, finding.Severity);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Nullable_foreign_key_column_is_not_reported_on_tables_below_the_large_table_size()
    {
        Assert.Empty(await FindAsync(new NullableForeignKeyColumnRule(), new RuleOptions { LargeTableRows = 10_000 }));
    }
}
