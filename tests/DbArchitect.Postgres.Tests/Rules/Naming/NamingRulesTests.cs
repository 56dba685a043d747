using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Naming;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Naming;

public sealed class NamingRulesDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps =>
    [
        """
            CREATE TABLE "OrderItems" (id bigint PRIMARY KEY, "OrderId" bigint, "createdAt" timestamptz, quantity int);
            CREATE TABLE "order" (id bigint PRIMARY KEY, "from" text, "user name" text);
            CREATE TABLE person (id bigint PRIMARY KEY, full_name text);
            CREATE TABLE category (id bigint PRIMARY KEY, label text);
            CREATE TABLE customers (id bigint PRIMARY KEY, full_name text, created_at timestamptz);
            """,
        "ANALYZE",
    ];
}

public sealed class NamingRulesTests(NamingRulesDatabase database) : IClassFixture<NamingRulesDatabase>
{
    [Fact]
    public async Task Mixed_case_table_and_column_names_are_renamed_to_snake_case()
    {
        var findings = await database.EvaluateAsync(new NotSnakeCaseRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.\"OrderItems\"", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Value == "OrderItems → order_items, OrderId → order_id, createdAt → created_at");
        Assert.Contains("public.order_items", finding.Remedy!.Creates);
        Assert.Contains("public.order_items.order_id", finding.Remedy.Creates);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Reserved_words_and_spaces_are_reported_once_and_not_as_mixed_case()
    {
        var findings = await database.EvaluateAsync(new QuotedIdentifierRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.\"order\"", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Value == "order → orders, from → from_value, user name → user_name");
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Singular_table_names_get_their_plural_and_plural_names_are_left_alone()
    {
        var findings = await database.EvaluateAsync(new SingularTableNameRule());

        Assert.Equal(["public.category", "public.person"], findings.Select(f => f.Subject).Order());
        Assert.Contains(findings, f => f.Remedy!.Up == "ALTER TABLE public.person RENAME TO people;");
        Assert.Contains(findings, f => f.Remedy!.Up == "ALTER TABLE public.category RENAME TO categories;");
    }

    [Fact]
    public async Task Every_design_remedy_on_this_schema_runs_up_and_down()
    {
        await RemedyProof.AssertAllRunAsync(database, await database.EvaluateAsync(RuleFamilies.Design));
    }
}
