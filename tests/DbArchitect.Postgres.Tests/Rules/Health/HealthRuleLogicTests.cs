using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Health;
using static DbArchitect.Postgres.Tests.Rules.Support.HandBuiltFacts;

namespace DbArchitect.Postgres.Tests.Rules.Health;

public sealed class HealthRuleLogicTests
{
    [Fact]
    public void Monthly_range_partitions_are_continued_by_calendar_months_named_by_month()
    {
        // Now is 2026-11-25: December's partition ends within the 28-day runway, January's would not.
        var events = Table(1, "events") with { Kind = TableKind.PartitionedTable, PartitionKey = "RANGE (created_at)", PartitionStrategy = PartitionStrategy.Range };
        var november = Partition(events, 2, "events_2026_11", "FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')");
        var december = Partition(events, 3, "events_2026_12", "FOR VALUES FROM ('2026-12-01') TO ('2027-01-01')");
        var snapshot = Snapshot with
        {
            Tables = [events, november, december],
            Columns = [Column(events, 1, "created_at", "date", "date")],
        };

        var finding = Assert.Single(new PartitionRangeEndingRule().Evaluate(Facts(snapshot, new() { PartitionRunwayDays = 40 })));

        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal("CREATE TABLE public.events_2027_01 PARTITION OF public.events FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');", finding.Remedy!.Up);
        Assert.Empty(new PartitionRangeEndingRule().Evaluate(Facts(snapshot, new() { PartitionRunwayDays = 20 })));
    }

    private static TableInfo Partition(TableInfo parent, uint oid, string name, string bound) =>
        Table(oid, name) with { PartitionParentOid = parent.Oid, PartitionParentSchema = parent.Schema, PartitionParentName = parent.Name, PartitionBound = bound };

    [Theory]
    [InlineData(90_000_000, null)]
    [InlineData(110_000_000, Severity.Medium)]
    [InlineData(160_000_000, Severity.High)]
    public void Wraparound_risk_warns_at_half_and_is_high_at_three_quarters_of_freeze_max_age(long age, Severity? expected)
    {
        var snapshot = Snapshot with
        {
            Tables = [Table(1, "events") with { FrozenXidAge = age }],
            Settings = [Setting("autovacuum_freeze_max_age", "200000000")],
        };

        var findings = new TransactionIdWraparoundRule().Evaluate(Facts(snapshot)).ToList();

        Assert.Equal(expected, findings.SingleOrDefault()?.Severity);
        if (expected is not null)
        {
            Assert.Equal("VACUUM (FREEZE, ANALYZE) public.events;", findings[0].Remedy!.Up);
        }
    }

    [Fact]
    public void Many_aging_tables_become_one_database_wide_freeze()
    {
        var tables = Enumerable.Range(1, 12).Select(i => Table((uint)i, $"t{i}") with { FrozenXidAge = 120_000_000 + i }).ToList();
        var snapshot = Snapshot with { Tables = tables, Settings = [Setting("autovacuum_freeze_max_age", "200000000")] };

        var finding = Assert.Single(new TransactionIdWraparoundRule().Evaluate(Facts(snapshot)));

        Assert.Equal("shop", finding.Subject);
        Assert.Equal("VACUUM (FREEZE, ANALYZE);", finding.Remedy!.Up);
        Assert.Contains(finding.Evidence, e => e.Value.EndsWith("and 2 more", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_never_analyzed_tables_become_one_database_wide_analyze()
    {
        var tables = Enumerable.Range(1, 11).Select(i => Table((uint)i, $"t{i}") with { ModificationsSinceAnalyze = 5_000 }).ToList();

        var finding = Assert.Single(new StaleStatisticsRule().Evaluate(Facts(Snapshot with { Tables = tables })));

        Assert.Equal("ANALYZE;", finding.Remedy!.Up);
        Assert.StartsWith("11 tables", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Cache_hit_rate_below_99_percent_with_traffic_proposes_more_shared_buffers_needing_a_restart()
    {
        var busy = Snapshot with
        {
            Server = Snapshot.Server with { BlocksHit = 950_000, BlocksRead = 50_000, DatabaseSizeBytes = 4L * 1024 * 1024 * 1024 },
            Settings = [Setting("shared_buffers", "16384", "8kB", 128L * 1024 * 1024)],
        };

        var finding = Assert.Single(new CacheHitRateRule().Evaluate(Facts(busy)));

        Assert.Contains("95%", finding.Title, StringComparison.Ordinal);
        Assert.StartsWith("ALTER SYSTEM SET shared_buffers = '256MB';", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.Contains("restart", finding.Remedy.Up, StringComparison.Ordinal);
        Assert.StartsWith("ALTER SYSTEM RESET shared_buffers;", finding.Remedy.Down, StringComparison.Ordinal);
    }

    [Fact]
    public void Cache_hit_rate_is_not_judged_without_enough_traffic()
    {
        var quiet = Snapshot with { Server = Snapshot.Server with { BlocksHit = 500, BlocksRead = 500 } };

        Assert.Empty(new CacheHitRateRule().Evaluate(Facts(quiet)));
    }

    [Fact]
    public void Connections_near_max_connections_are_high_and_recommend_a_pooler()
    {
        var crowded = Snapshot with { Activity = new ActivityInfo { TotalConnections = 95, MaxConnections = 100, Idle = 80, Active = 15 } };

        var finding = Assert.Single(new ConnectionUtilisationRule().Evaluate(Facts(crowded)));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("PgBouncer", finding.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_idle_in_transaction_without_a_timeout_gets_one_and_short_ones_are_ignored()
    {
        var stuck = Snapshot with
        {
            Activity = Snapshot.Activity with { IdleInTransaction = 2, LongestIdleInTransactionSeconds = 600 },
            Settings = [Setting("idle_in_transaction_session_timeout", "0", "ms")],
        };
        var brief = stuck with { Activity = stuck.Activity with { LongestIdleInTransactionSeconds = 5 } };

        var finding = Assert.Single(new IdleInTransactionRule().Evaluate(Facts(stuck)));
        Assert.Equal("ALTER SYSTEM SET idle_in_transaction_session_timeout = '5min';\nSELECT pg_reload_conf();", finding.Remedy!.Up);
        Assert.Empty(new IdleInTransactionRule().Evaluate(Facts(brief)));
    }

    [Fact]
    public void Inactive_slot_retaining_over_a_gigabyte_is_high_and_an_active_small_one_is_ignored()
    {
        var snapshot = Snapshot with
        {
            ReplicationSlots =
            [
                new ReplicationSlotInfo { Name = "old_cdc", SlotType = "logical", Active = false, RetainedWalBytes = 3L * 1024 * 1024 * 1024 },
                new ReplicationSlotInfo { Name = "replica_1", SlotType = "physical", Active = true, RetainedWalBytes = 64L * 1024 * 1024 },
            ],
        };

        var finding = Assert.Single(new ReplicationSlotRetainingWalRule().Evaluate(Facts(snapshot)));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("SELECT pg_drop_replication_slot('old_cdc');", finding.Remedy!.Up);
        Assert.Contains("pg_create_logical_replication_slot('old_cdc', 'pgoutput')", finding.Remedy.Down, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_owned_by_a_table_reports_days_left_at_the_insert_rate_since_statistics_began()
    {
        var table = Table(1, "tickets") with { Inserts = 3_000_000 };
        var sequence = new SequenceInfo
        {
            Schema = "public", Name = "tickets_no_seq", DataType = "integer", LastValue = 2_047_483_647, MaxValue = int.MaxValue, MinValue = 1, Increment = 1,
            OwnedBySchema = "public", OwnedByTable = "tickets", OwnedByColumn = "no",
        };

        var finding = Assert.Single(new SequenceNearExhaustionRule().Evaluate(Facts(Snapshot with { Tables = [table], Sequences = [sequence] })));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains(finding.Evidence, e => e.Value == "1000 days");
    }
}
