using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Types;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Types;

public sealed class IntegerKeyExhaustionTests
{
    private static SequenceInfo Sequence(long lastValue, string dataType = "integer", long max = int.MaxValue) => new()
    {
        Schema = "public",
        Name = "orders_id_seq",
        DataType = dataType,
        LastValue = lastValue,
        MaxValue = max,
        MinValue = 1,
        Increment = 1,
        OwnedBySchema = "public",
        OwnedByTable = "orders",
        OwnedByColumn = "id",
    };

    [Fact]
    public void Days_left_come_from_the_insert_rate_since_the_statistics_reset()
    {
        // 10 million inserts over the 10 days since the reset: 1 million a day, with about 947 million values left.
        var orders = HandBuiltFacts.Table(1, "orders", inserts: 10_000_000);
        var facts = Keyed(HandBuiltFacts.Facts([orders], [HandBuiltFacts.Column(orders, 1, "id", "integer", "int4")], [Sequence(1_200_000_000)], HandBuiltFacts.Now.AddDays(-10)), orders);

        var finding = Assert.Single(new IntegerKeyExhaustionRule().Evaluate(facts));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains(finding.Evidence, e => e.Label == "used" && e.Value == "55.9%");
        Assert.Contains(finding.Evidence, e => e.Label == "insert rate" && e.Value.StartsWith("1,000,000 rows/day over 10 days since 2026-11-15", StringComparison.Ordinal));
        Assert.Contains(finding.Evidence, e => e.Label == "days left at that rate" && e.Value == "947");
    }

    [Fact]
    public void Without_a_statistics_reset_the_rate_is_measured_from_server_start_and_few_days_left_is_critical()
    {
        // 2,000 million inserts over the server's 100 days: 20 million a day, about 7 days left.
        var orders = HandBuiltFacts.Table(1, "orders", inserts: 2_000_000_000);
        var facts = Keyed(HandBuiltFacts.Facts([orders], [HandBuiltFacts.Column(orders, 1, "id", "integer", "int4")], [Sequence(2_000_000_000)]), orders);

        var finding = Assert.Single(new IntegerKeyExhaustionRule().Evaluate(facts));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains(finding.Evidence, e => e.Label == "days left at that rate" && e.Value == "7");
    }

    [Fact]
    public void A_bigint_sequence_feeding_an_integer_column_is_limited_by_the_column()
    {
        var orders = HandBuiltFacts.Table(1, "orders", inserts: 100);
        var facts = Keyed(HandBuiltFacts.Facts([orders], [HandBuiltFacts.Column(orders, 1, "id", "integer", "int4")], [Sequence(1_500_000_000, "bigint", long.MaxValue)]), orders);

        var finding = Assert.Single(new IntegerKeyExhaustionRule().Evaluate(facts));

        Assert.Contains(finding.Evidence, e => e.Label == "limit" && e.Value == "2,147,483,647");
        Assert.DoesNotContain("ALTER SEQUENCE", finding.Remedy!.Up);
        Assert.Contains("ALTER COLUMN id TYPE bigint", finding.Remedy.Up);
    }

    [Fact]
    public void Bigint_keys_and_lightly_used_integer_keys_are_not_reported()
    {
        var orders = HandBuiltFacts.Table(1, "orders", inserts: 100);
        var facts = Keyed(HandBuiltFacts.Facts(
            [orders],
            [HandBuiltFacts.Column(orders, 1, "id", "bigint", "int8")],
            [Sequence(5_000_000_000, "bigint", long.MaxValue), Sequence(1_000) with { Name = "other_seq", OwnedByTable = null, OwnedBySchema = null, OwnedByColumn = null }]), orders);

        Assert.Empty(new IntegerKeyExhaustionRule().Evaluate(facts));
    }

    [Fact]
    public void A_nearly_exhausted_sequence_behind_no_primary_key_is_left_to_the_sequence_rule()
    {
        var tickets = HandBuiltFacts.Table(1, "support_tickets", inserts: 100);
        var facts = Keyed(
            HandBuiltFacts.Facts(
                [tickets],
                [HandBuiltFacts.Column(tickets, 1, "id", "bigint", "int8"), HandBuiltFacts.Column(tickets, 2, "ticket_number", "integer", "int4")],
                [Sequence(1_900_000_000) with { Name = "ticket_number_seq", OwnedByTable = "support_tickets", OwnedByColumn = "ticket_number" }]),
            tickets);

        Assert.Empty(new IntegerKeyExhaustionRule().Evaluate(facts));
        Assert.Single(new DbArchitect.Postgres.Rules.Health.SequenceNearExhaustionRule().Evaluate(facts));
    }

    private static DbArchitect.Postgres.Rules.AnalysisFacts Keyed(DbArchitect.Postgres.Rules.AnalysisFacts facts, TableInfo table) =>
        facts with { Snapshot = facts.Snapshot with { Constraints = [HandBuiltFacts.PrimaryKey(table, "id")] } };
}
