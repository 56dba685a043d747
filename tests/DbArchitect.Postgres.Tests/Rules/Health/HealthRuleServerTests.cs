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
    public async Task Range_partitions_ending_within_the_runway_without_a_default_partition_are_reported_with_the_next_partition()
    {
        var findings = await FindAsync(new PartitionRangeEndingRule());

        Assert.Equal(["hl.bookings", "hl.pings"], findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        var bookings = findings.Single(f => f.Subject == "hl.bookings");
        var end = DateTime.UtcNow.Date.AddDays(10);
        Assert.Equal(Severity.Medium, bookings.Severity);
        Assert.Contains(bookings.Evidence, e => e.Label == "upper bound" && e.Value == end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(bookings.Evidence, e => e.Label == "inserts per day across partitions" && !e.Value.StartsWith("0 ", StringComparison.Ordinal));
        Assert.Equal(
            $"CREATE TABLE hl.bookings_{end:yyyy_MM_dd} PARTITION OF hl.bookings FOR VALUES FROM ('{end:yyyy-MM-dd}') TO ('{end.AddDays(30):yyyy-MM-dd}');",
            bookings.Remedy!.Up);
        await RemedyProof.AssertAllRunAsync(database, findings);
    }

    [Fact]
    public async Task Range_partition_bound_already_passed_is_high_and_the_remedy_catches_up_past_the_runway()
    {
        var pings = Assert.Single(await FindAsync(new PartitionRangeEndingRule()), f => f.Subject == "hl.pings");

        Assert.Equal(Severity.High, pings.Severity);
        Assert.Equal(2, pings.Remedy!.Up.Split('\n').Length);
        Assert.Equal(2, pings.Remedy.Down.Split('\n').Length);
        Assert.Contains(pings.Evidence, e => e.Label == "runway" && e.Value.StartsWith("passed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Range_partitions_with_a_default_partition_or_a_long_runway_are_not_reported()
    {
        var subjects = (await FindAsync(new PartitionRangeEndingRule(), new RuleOptions { PartitionRunwayDays = 28 })).Select(f => f.Subject).ToList();

        Assert.DoesNotContain("hl.rentals", subjects);
        Assert.DoesNotContain("hl.ledger", subjects);
        Assert.Contains("hl.ledger", (await FindAsync(new PartitionRangeEndingRule(), new RuleOptions { PartitionRunwayDays = 365 })).Select(f => f.Subject));
    }

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
