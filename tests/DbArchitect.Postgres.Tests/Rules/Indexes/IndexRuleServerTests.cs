using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Indexes;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Indexes;

public sealed class IndexRuleServerTests(IndexRulesDatabase database) : IClassFixture<IndexRulesDatabase>
{
    private static readonly RuleOptions SmallTables = new() { LargeTableRows = 1_000 };

    private async Task<List<Finding>> FindAsync(ISchemaRule rule, RuleOptions? options = null) =>
        [.. rule.Evaluate(await database.CollectAsync(options)).Where(f => f.Subject.StartsWith("ix.", StringComparison.Ordinal))];

    [Fact]
    public async Task Foreign_key_without_index_is_reported_with_create_index_concurrently()
    {
        var findings = await FindAsync(new ForeignKeyWithoutIndexRule());

        var orders = Assert.Single(findings, f => f.Subject == "ix.orders(customer_id)");
        Assert.Equal("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON ix.orders (customer_id);", orders.Remedy!.Up);
        Assert.Equal(["ix.orders_customer_id_idx"], orders.Remedy.Creates);
        var quoted = Assert.Single(findings, f => f.Subject == "ix.\"Order Lines\"(\"Order\")");
        Assert.Equal(["ix.\"Order Lines_Order_idx\""], quoted.Remedy!.Creates);
        foreach (var finding in findings)
        {
            await RemedyProof.AssertUpAndDownRunAsync(database, finding);
        }
    }

    [Fact]
    public async Task Index_fixes_on_a_partitioned_table_build_on_only_the_parent_and_attach_concurrent_partition_indexes()
    {
        var foreignKey = Assert.Single(await FindAsync(new ForeignKeyWithoutIndexRule()), f => f.Subject == "ix.visits(customer_id)");
        var duplicate = Assert.Single(await FindAsync(new DuplicateIndexRule()), f => f.Subject == "ix.visits_at_b");

        Assert.Equal(
            """
            CREATE INDEX visits_customer_id_idx ON ONLY ix.visits (customer_id);
            CREATE INDEX CONCURRENTLY visits_2026_customer_id_idx ON ix.visits_2026 (customer_id);
            ALTER INDEX ix.visits_customer_id_idx ATTACH PARTITION ix.visits_2026_customer_id_idx;
            """,
            foreignKey.Remedy!.Up);
        Assert.Equal("DROP INDEX IF EXISTS ix.visits_customer_id_idx;", foreignKey.Remedy.Down);
        Assert.Equal(MigrationStrategy.OnlineDdl, foreignKey.Remedy.Strategy);
        Assert.Contains(foreignKey.Evidence, e => e.Label == "partitions without an index leading with the key" && e.Value == "1 of 1: ix.visits_2026");
        Assert.Equal("DROP INDEX IF EXISTS ix.visits_at_b;", duplicate.Remedy!.Up);
        Assert.Equal(MigrationStrategy.Standard, duplicate.Remedy.Strategy);
        Assert.DoesNotContain(await FindAsync(new UnusedIndexRule(), new RuleOptions { UnusedIndexMinStatsAgeDays = 0 }), f => f.Subject.StartsWith("ix.visits", StringComparison.Ordinal));
        await RemedyProof.AssertUpAndDownRunAsync(database, foreignKey);
        await RemedyProof.AssertUpAndDownRunAsync(database, duplicate);
    }

    [Fact]
    public async Task Partitioned_index_fix_runs_statement_by_statement_outside_a_transaction_and_its_rollback_removes_every_partition_index()
    {
        var foreignKey = Assert.Single(await FindAsync(new ForeignKeyWithoutIndexRule()), f => f.Subject == "ix.visits(customer_id)");

        await RemedyProof.AssertUpThenDownRunOneByOneAsync(database, foreignKey);

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE schemaname = 'ix' AND indexname LIKE 'visits%customer_id_idx'"));
    }

    [Fact]
    public async Task Foreign_key_on_a_partitioned_table_is_served_by_a_partitioned_index_or_an_index_on_every_partition()
    {
        var subjects = (await FindAsync(new ForeignKeyWithoutIndexRule())).Select(f => f.Subject).ToList();

        Assert.DoesNotContain("ix.posts(author_id)", subjects);
        Assert.DoesNotContain("ix.shipments(customer_id)", subjects);
        Assert.DoesNotContain(subjects, s => s.StartsWith("ix.posts_", StringComparison.Ordinal) || s.StartsWith("ix.shipments_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Foreign_key_is_served_by_a_partial_index_on_its_non_null_keys_and_not_by_another_predicate()
    {
        var subjects = (await FindAsync(new ForeignKeyWithoutIndexRule())).Select(f => f.Subject).ToList();

        Assert.DoesNotContain("ix.comments(author_id)", subjects);
        Assert.Contains("ix.replies(author_id)", subjects);
    }

    [Fact]
    public async Task Foreign_key_led_by_an_index_in_any_column_order_is_not_reported()
    {
        var subjects = (await FindAsync(new ForeignKeyWithoutIndexRule())).Select(f => f.Subject).ToList();

        Assert.DoesNotContain("ix.invoices(customer_id)", subjects);
        Assert.DoesNotContain(subjects, s => s.StartsWith("ix.stock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_indexes_drop_one_twin_and_never_the_primary_key()
    {
        var findings = await FindAsync(new DuplicateIndexRule());

        Assert.Equal(["ix.customers_email_b", "ix.customers_id_copy", "ix.metrics partitions (v)", "ix.visits_at_b"], findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(findings, f => f.Subject.Contains("name", StringComparison.Ordinal));
        foreach (var finding in findings)
        {
            await RemedyProof.AssertUpAndDownRunAsync(database, finding);
        }
    }

    [Fact]
    public async Task Left_prefix_index_is_redundant_unless_it_enforces_uniqueness()
    {
        var findings = await FindAsync(new RedundantIndexRule());

        Assert.Equal(["ix.metrics partitions (w)", "ix.orders_note"], findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        var onPartitions = findings.Single(f => f.Subject == "ix.metrics partitions (w)");
        Assert.Equal("DROP INDEX CONCURRENTLY IF EXISTS ix.metrics_1_w;\nDROP INDEX CONCURRENTLY IF EXISTS ix.metrics_2_w;", onPartitions.Remedy!.Up);
        await RemedyProof.AssertAllRunAsync(database, findings);
    }

    [Fact]
    public async Task Duplicate_pair_repeated_on_partitions_is_one_finding_on_the_parent_dropping_them_all()
    {
        var finding = Assert.Single(await FindAsync(new DuplicateIndexRule()), f => f.Subject.StartsWith("ix.metrics", StringComparison.Ordinal));

        Assert.Contains(finding.Evidence, e => e.Label == "partitions" && e.Value == "3: ix.metrics_1, ix.metrics_2, ix.metrics_3");
        Assert.Equal(3, finding.Remedy!.Up.Split('\n').Length);
        Assert.Equal(3, finding.Remedy.Down.Split('\n').Length);
        Assert.All(finding.Remedy.Up.Split('\n'), line => Assert.Matches(@"^DROP INDEX CONCURRENTLY IF EXISTS ix\.metrics_\d_v_b;$", line));
        Assert.DoesNotContain(finding.Evidence, e => e.Value.Contains("visits_2026", StringComparison.Ordinal));
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Invalid_index_is_reported_and_valid_ones_are_not()
    {
        var finding = Assert.Single(await FindAsync(new InvalidIndexRule()));

        Assert.Equal("ix.broken_v", finding.Subject);
        Assert.Equal("REINDEX INDEX CONCURRENTLY ix.broken_v;", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Partition_lacking_its_share_of_the_parent_index_is_reported_with_a_concurrent_index_attached()
    {
        var finding = Assert.Single(await FindAsync(new PartitionMissingParentIndexRule()));

        Assert.Equal("ix.logs_2 missing ix.logs_x_idx", finding.Subject);
        Assert.Equal(
            """
            CREATE INDEX CONCURRENTLY logs_2_x_idx ON ix.logs_2 USING btree (x);
            ALTER INDEX ix.logs_x_idx ATTACH PARTITION ix.logs_2_x_idx;
            """,
            finding.Remedy!.Up);
        Assert.Contains(finding.Evidence, e => e.Label == "pg_index.indisvalid of the parent index" && e.Value == "false");
        Assert.DoesNotContain(await FindAsync(new InvalidIndexRule()), f => f.Subject == "ix.logs_x_idx");
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Missing_partition_index_fix_makes_the_parent_index_valid_and_its_rollback_restores_the_gap()
    {
        var finding = Assert.Single(await FindAsync(new PartitionMissingParentIndexRule()));

        await RemedyProof.AssertUpThenDownRunOneByOneAsync(database, finding, afterUp: async () =>
            Assert.True(await database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix.logs_x_idx'::regclass")));

        Assert.False(await database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix.logs_x_idx'::regclass"));
        Assert.Equal("ix.logs_1_x_idx", await database.ScalarAsync<string>("SELECT string_agg(inhrelid::regclass::text, ',') FROM pg_inherits WHERE inhparent = 'ix.logs_x_idx'::regclass"));
    }

    [Fact]
    public async Task Unused_index_is_reported_only_once_statistics_are_old_enough()
    {
        Assert.Empty(await FindAsync(new UnusedIndexRule(), new RuleOptions { UnusedIndexMinStatsAgeDays = 3650 }));

        var findings = await FindAsync(new UnusedIndexRule(), new RuleOptions { UnusedIndexMinStatsAgeDays = 0 });
        Assert.Contains(findings, f => f.Subject == "ix.customers_name_all");
        Assert.DoesNotContain(findings, f => f.Subject is "ix.customers_pkey" or "ix.tickets_code" or "ix.customers_id_copy");
        await RemedyProof.AssertUpAndDownRunAsync(database, findings.First(f => f.Subject == "ix.customers_name_all"));
    }

    [Fact]
    public async Task Large_table_without_any_index_is_reported_and_small_or_indexed_tables_are_not()
    {
        var findings = await FindAsync(new LargeTableWithoutIndexRule(), SmallTables);

        var finding = Assert.Single(findings, f => f.Subject == "ix.readings");
        Assert.Equal(["ix.readings_reading_no_idx"], finding.Remedy!.Creates);
        Assert.DoesNotContain(findings, f => f.Subject is "ix.small_log" or "ix.invoices");
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Partitioned_table_is_judged_large_by_its_partitions_rows_and_they_are_not_reported_alone()
    {
        var findings = await FindAsync(new LargeTableWithoutIndexRule(), SmallTables);

        var finding = Assert.Single(findings, f => f.Subject == "ix.archive");
        Assert.Contains(finding.Evidence, e => e.Label == "estimated rows" && e.Value == "1,600");
        Assert.DoesNotContain(findings, f => f.Subject.StartsWith("ix.archive_", StringComparison.Ordinal));
        Assert.StartsWith("CREATE INDEX archive_id_idx ON ONLY ix.archive (id);\nCREATE INDEX CONCURRENTLY archive_1_id_idx ON ix.archive_1 (id);", finding.Remedy!.Up, StringComparison.Ordinal);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Index_left_mostly_empty_by_mass_delete_is_bloated_and_a_compact_one_is_not()
    {
        var findings = await FindAsync(new IndexBloatRule());

        var finding = Assert.Single(findings);
        Assert.Equal("ix.bloated_id", finding.Subject);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }
}
