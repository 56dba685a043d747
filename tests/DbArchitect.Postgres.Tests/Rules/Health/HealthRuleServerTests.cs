using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Health;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Health;

public sealed class HealthRuleServerTests(HealthRulesDatabase database) : IClassFixture<HealthRulesDatabase>
{
    private async Task<List<Finding>> FindAsync(ISchemaRule rule, RuleOptions? options = null) =>
        [.. rule.Evaluate(await database.CollectAsync(options)).Where(f => f.Subject.StartsWith("hl.", StringComparison.Ordinal))];

    [Fact]
    public async Task Table_with_more_dead_than_live_tuples_gets_vacuum_and_tighter_autovacuum()
    {
        var findings = await FindAsync(new DeadTuplesRule(), new RuleOptions { DeadTupleMinimum = 100 });

        var finding = Assert.Single(findings);
        Assert.Equal("hl.churn", finding.Subject);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains(finding.Evidence, e => e.Label == "dead tuples" && e.Value == "600");
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Dead_tuples_below_the_minimum_are_not_reported()
    {
        Assert.Empty(await FindAsync(new DeadTuplesRule(), new RuleOptions { DeadTupleMinimum = 10_000 }));
    }

    [Fact]
    public async Task Table_never_analyzed_after_many_inserts_is_reported_and_analyzed_tables_are_not()
    {
        var finding = Assert.Single(await FindAsync(new StaleStatisticsRule()));

        Assert.Equal("hl.never_analyzed", finding.Subject);
        Assert.Equal("ANALYZE hl.never_analyzed;", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Standalone_and_non_key_sequences_near_their_limit_are_reported_and_primary_key_sequences_are_left_to_the_key_rule()
    {
        var findings = await FindAsync(new SequenceNearExhaustionRule());

        Assert.Equal(["hl.ticket_no", "hl.widgets_legacy_no_seq"], findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(Severity.High, f.Severity));
        Assert.Equal(["hl.widgets"], findings.Single(f => f.Subject == "hl.widgets_legacy_no_seq").Tables);
        foreach (var finding in findings)
        {
            await RemedyProof.AssertUpAndDownRunAsync(database, finding);
        }
    }

    [Fact]
    public async Task A_quiet_fresh_server_shows_no_wraparound_cache_connection_idle_or_slot_problems()
    {
        var facts = await database.CollectAsync();
        ISchemaRule[] rules =
        [
            new TransactionIdWraparoundRule(), new CacheHitRateRule(), new ConnectionUtilisationRule(),
            new IdleInTransactionRule(), new ReplicationSlotRetainingWalRule(),
        ];

        Assert.Empty(rules.SelectMany(rule => rule.Evaluate(facts)));
    }
}
