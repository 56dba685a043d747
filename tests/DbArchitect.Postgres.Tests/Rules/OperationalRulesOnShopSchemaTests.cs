using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Tests.Catalog;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules;

/// <summary>Every operational rule over a schema with one of every catalog object: no rule throws, and every remedy runs.</summary>
public sealed class OperationalRulesOnShopSchemaTests(ShopSchemaFixture shop) : IClassFixture<ShopSchemaFixture>
{
    [Fact]
    public async Task Every_finding_has_numbers_and_a_remedy_that_the_server_accepts_up_and_down()
    {
        var facts = new AnalysisFacts { Snapshot = shop.Snapshot, Options = new RuleOptions { LargeTableRows = 100, UnusedIndexMinStatsAgeDays = 0, PartitionRunwayDays = 3650 } };

        var findings = RuleFamilies.Operational.SelectMany(rule => rule.Evaluate(facts)).ToList();

        Assert.Contains(findings, f => f.RuleId == "invalid-index" && f.Subject == "shop.labels_code_unique" && f.Remedy!.Testing.Contains("duplicate", StringComparison.Ordinal));
        // A runway of ten years makes the shop's timestamptz range partitions end soon, whatever today's date.
        Assert.Contains(findings, f => f.RuleId == "partition-range-ending" && f.Subject == "shop.events");
        Assert.Equal(findings.Count, findings.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count());
        foreach (var finding in findings)
        {
            Assert.NotEmpty(finding.Evidence);
            // The shop's invalid unique index failed on duplicate codes; rebuilding it fails on the data, not on the SQL,
            // which is what its Testing text warns about.
            if (finding.Remedy is not null && finding.Subject != "shop.labels_code_unique")
            {
                await RemedyProof.AssertUpAndDownRunAsync(shop, finding);
            }
        }
    }
}
