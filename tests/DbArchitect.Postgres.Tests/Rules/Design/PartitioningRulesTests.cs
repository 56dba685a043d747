using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Design;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Design;

public sealed class PartitioningRulesDatabase : RuleDatabase
{
    /// <summary>Scaled down so the fixture stays small: "large" is 1,000 rows, partitioning starts at 10,000.</summary>
    public static RuleOptions Options => new() { LargeTableRows = 1_000 };

    protected override IReadOnlyList<string> Steps =>
    [
        """
            CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, created_at timestamptz NOT NULL, kind text);
            INSERT INTO events (created_at, kind)
            SELECT now() - interval '1 minute' * (20000 - g), 'k' || g % 7 FROM generate_series(1, 20000) g;

            CREATE TABLE churned (id bigint PRIMARY KEY, created_at timestamptz NOT NULL, state text);
            INSERT INTO churned SELECT g, now() - interval '1 minute' * (20000 - g), 'new' FROM generate_series(1, 20000) g;
            UPDATE churned SET state = 'done';

            CREATE TABLE readings (id bigint PRIMARY KEY, taken_at timestamptz NOT NULL, reading numeric);
            INSERT INTO readings SELECT g, now() - interval '1 minute' * (3000 - g), g FROM generate_series(1, 3000) g;

            CREATE TABLE indexed_readings (id bigint PRIMARY KEY, taken_at timestamptz NOT NULL, reading numeric);
            INSERT INTO indexed_readings SELECT g, now() - interval '1 minute' * (3000 - g), g FROM generate_series(1, 3000) g;
            CREATE INDEX indexed_readings_taken_at_idx ON indexed_readings (taken_at);

            CREATE TABLE sensor_log (id bigint PRIMARY KEY, sensor text NOT NULL, recorded_at timestamptz NOT NULL, created_at timestamptz NOT NULL);
            INSERT INTO sensor_log SELECT g, 's' || g % 5, now() - interval '1 minute' * (3000 - g), now() - interval '1 minute' * (3000 - g) + interval '2 seconds' FROM generate_series(1, 3000) g;

            CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            INSERT INTO invoices SELECT g, g, now() - interval '1 minute' * (3000 - g), now() - interval '1 minute' * (3000 - g) FROM generate_series(1, 3000) g;

            CREATE TABLE shuffled (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL);
            INSERT INTO shuffled SELECT g, now() - interval '1 minute' * ((g * 7919) % 3000) FROM generate_series(1, 3000) g;
            """,
        "ANALYZE",
    ];
}

public sealed class PartitioningRulesTests(PartitioningRulesDatabase database) : IClassFixture<PartitioningRulesDatabase>
{
    [Fact]
    public async Task Large_append_mostly_time_ordered_table_gets_a_range_partitioning_plan()
    {
        var findings = await database.EvaluateAsync(new RangePartitioningCandidateRule(), PartitioningRulesDatabase.Options);

        var finding = Assert.Single(findings);
        Assert.Equal("public.events", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Label == "partition key" && e.Value == "RANGE (created_at), monthly");
        Assert.Contains(finding.Evidence, e => e.Label == "inserts / updates / deletes since stats reset" && e.Value == "20,000 / 0 / 0");
        Assert.Contains("PARTITION BY RANGE (created_at)", finding.Remedy!.Up);
        Assert.Contains("ATTACH PARTITION public.events_history FOR VALUES FROM (MINVALUE)", finding.Remedy.Up);
        Assert.Contains("public.events_history", finding.Remedy.Creates);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Moderately_large_time_ordered_table_without_an_index_on_the_column_gets_a_brin_index()
    {
        var findings = await database.EvaluateAsync(new BrinIndexCandidateRule(), PartitioningRulesDatabase.Options);

        var finding = Assert.Single(findings, f => f.Subject == "public.readings(taken_at)");
        Assert.Equal("CREATE INDEX CONCURRENTLY readings_taken_at_brin_idx ON public.readings USING brin (taken_at);", finding.Remedy!.Up);
        Assert.Equal(["public.readings_taken_at_brin_idx"], finding.Remedy.Creates);
        Assert.DoesNotContain(findings, f => f.Tables.Contains("public.indexed_readings") || f.Tables.Contains("public.shuffled") || f.Tables.Contains("public.events"));
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task A_time_series_gets_its_brin_index_on_the_event_time_not_on_the_created_at_that_rises_with_it()
    {
        var findings = await database.EvaluateAsync(new BrinIndexCandidateRule(), PartitioningRulesDatabase.Options);

        var finding = Assert.Single(findings, f => f.Tables.Contains("public.sensor_log"));
        Assert.Equal("public.sensor_log(recorded_at)", finding.Subject);
    }

    [Fact]
    public async Task A_table_ordered_only_by_its_audit_stamps_gets_no_brin_index()
    {
        var findings = await database.EvaluateAsync(new BrinIndexCandidateRule(), PartitioningRulesDatabase.Options);

        Assert.DoesNotContain(findings, f => f.Tables.Contains("public.invoices"));
    }

    [Theory]
    [InlineData("created_at", true)]
    [InlineData("updatedAt", true)]
    [InlineData("date_inserted", true)]
    [InlineData("last_modified", true)]
    [InlineData("recorded_at", false)]
    [InlineData("shipped_at", false)]
    [InlineData("booking_date", false)]
    public void Bookkeeping_stamps_are_told_apart_from_event_times(string column, bool auditStamp)
    {
        Assert.Equal(auditStamp, TimeOrderedTables.IsAuditStamp(column));
    }

    [Fact]
    public async Task Small_tables_and_heavily_updated_tables_are_not_partitioning_candidates()
    {
        var findings = await database.EvaluateAsync(new RangePartitioningCandidateRule(), PartitioningRulesDatabase.Options);
        var defaults = await database.EvaluateAsync(new RangePartitioningCandidateRule());

        Assert.DoesNotContain(findings, f => f.Subject is "public.churned" or "public.readings" or "public.shuffled");
        Assert.Empty(defaults);
    }

    [Fact]
    public async Task Every_design_remedy_on_this_schema_runs_up_and_down()
    {
        await RemedyProof.AssertAllRunAsync(database, await database.EvaluateAsync(RuleFamilies.Design, PartitioningRulesDatabase.Options));
    }
}
