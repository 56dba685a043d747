using DbArchitect.Agent.Analysis;
using DbArchitect.Agent.Tests.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Findings;

namespace DbArchitect.Agent.Tests.Analysis;

/// <summary>Runs over the architect fixture's catalog (public.orders, public.customers), where the remedies' tables exist.</summary>
[Collection(ArchitectDatabaseCollection.Name)]
public sealed class SameIndexFoldingTests(ArchitectDatabaseFixture fixture)
{
    private static Finding Creating(string ruleId, string subject, string index, Severity severity, string evidence, string? up = null) => new()
    {
        RuleId = ruleId,
        Subject = subject,
        Severity = severity,
        Area = FindingArea.Indexing,
        Title = subject,
        Rationale = "r",
        Evidence = [new("measure", evidence)],
        Remedy = new Remedy { Kind = ChangeKind.Index, Strategy = MigrationStrategy.OnlineDdl, Up = up ?? $"CREATE INDEX {index}", Down = $"DROP INDEX {index}", Creates = [index] },
    };

    [Fact]
    public void A_rule_and_the_advisor_asking_for_the_same_index_become_one_finding_with_both_evidences()
    {
        var rule = Creating("fk-without-index", "public.orders(customer_id)", "public.orders_customer_id_idx", Severity.Medium, "fk");
        var advice = Creating(AdvisorFindings.RecommendId, "public.orders_customer_id_idx", "public.orders_customer_id_idx", Severity.High, "cost 950 → 12");

        var folded = Assert.Single(SameIndexFolding.Fold([rule, advice], fixture.Snapshot));

        Assert.Equal(rule.Key, folded.Key);
        Assert.Equal(Severity.High, folded.Severity);
        Assert.Equal(["fk", "cost 950 → 12"], folded.Evidence.Select(e => e.Value));
    }

    [Fact]
    public void Advice_for_an_index_no_rule_asks_for_stays_its_own_finding()
    {
        var rule = Creating("fk-without-index", "public.orders(customer_id)", "public.orders_customer_id_idx", Severity.Medium, "fk");
        var advice = Creating(AdvisorFindings.RecommendId, "public.orders_status_idx", "public.orders_status_idx", Severity.High, "cost");

        Assert.Equal([rule.Key, advice.Key], SameIndexFolding.Fold([rule, advice], fixture.Snapshot).Select(f => f.Key));
    }

    [Fact]
    public void The_same_keys_asked_for_under_two_names_are_one_finding()
    {
        var rule = Creating("brin-index-candidate", "public.orders(created_at)", "public.orders_created_at_brin", Severity.Low, "correlation 1.00",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_brin ON public.orders USING brin (created_at);");
        var advice = Creating(AdvisorFindings.RecommendId, "public.orders_created_at_brin_idx", "public.orders_created_at_brin_idx", Severity.Medium, "cost 900 → 40",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_brin_idx ON public.orders USING brin (created_at);");

        var folded = Assert.Single(SameIndexFolding.Fold([rule, advice], fixture.Snapshot));

        Assert.Equal(rule.Key, folded.Key);
    }

    [Fact]
    public void A_rules_guess_of_another_method_for_the_keys_the_advisor_measured_gives_way_to_the_advisor()
    {
        var rule = Creating("brin-index-candidate", "public.orders(created_at)", "public.orders_created_at_brin", Severity.Low, "correlation 0.99",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_brin ON public.orders USING brin (created_at);");
        var advice = Creating(AdvisorFindings.RecommendId, "public.orders_created_at_idx", "public.orders_created_at_idx", Severity.Medium, "cost 900 → 40",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON public.orders (created_at);");
        var elsewhere = Creating("brin-index-candidate", "public.customers(created_at)", "public.customers_created_at_brin", Severity.Low, "correlation 1.00",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_created_at_brin ON public.customers USING brin (created_at);");

        Assert.Equal([elsewhere.Key, advice.Key], SameIndexFolding.Fold([rule, elsewhere, advice], fixture.Snapshot).Select(f => f.Key));
    }
}
