using DbArchitect.Agent.Analysis;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Agent.Tests.Analysis;

public sealed class SameIndexFoldingTests
{
    private static Finding Creating(string ruleId, string subject, string index, Severity severity, string evidence) => new()
    {
        RuleId = ruleId,
        Subject = subject,
        Severity = severity,
        Area = FindingArea.Indexing,
        Title = subject,
        Rationale = "r",
        Evidence = [new("measure", evidence)],
        Remedy = new Remedy { Kind = ChangeKind.Index, Strategy = MigrationStrategy.OnlineDdl, Up = $"CREATE INDEX {index}", Down = $"DROP INDEX {index}", Creates = [index] },
    };

    [Fact]
    public void A_rule_and_the_advisor_asking_for_the_same_index_become_one_finding_with_both_evidences()
    {
        var rule = Creating("fk-without-index", "public.orders(customer_id)", "public.orders_customer_id_idx", Severity.Medium, "fk");
        var advice = Creating(AdvisorFindings.RecommendId, "public.orders_customer_id_idx", "public.orders_customer_id_idx", Severity.High, "cost 950 → 12");

        var folded = Assert.Single(SameIndexFolding.Fold([rule, advice]));

        Assert.Equal(rule.Key, folded.Key);
        Assert.Equal(Severity.High, folded.Severity);
        Assert.Equal(["fk", "cost 950 → 12"], folded.Evidence.Select(e => e.Value));
    }

    [Fact]
    public void Advice_for_an_index_no_rule_asks_for_stays_its_own_finding()
    {
        var rule = Creating("fk-without-index", "public.orders(customer_id)", "public.orders_customer_id_idx", Severity.Medium, "fk");
        var advice = Creating(AdvisorFindings.RecommendId, "public.orders_status_idx", "public.orders_status_idx", Severity.High, "cost");

        Assert.Equal([rule.Key, advice.Key], SameIndexFolding.Fold([rule, advice]).Select(f => f.Key));
    }
}
