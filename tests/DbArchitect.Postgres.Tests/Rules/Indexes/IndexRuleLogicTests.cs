using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Indexes;
using static DbArchitect.Postgres.Tests.Rules.Support.HandBuiltFacts;

namespace DbArchitect.Postgres.Tests.Rules.Indexes;

public sealed class IndexRuleLogicTests
{
    private static readonly TableInfo Customers = Table(1, "customers");
    private static readonly TableInfo Lines = Table(2, "order_lines", rows: 500_000);

    [Fact]
    public void Foreign_key_columns_in_any_order_at_the_front_of_an_index_count_as_indexed()
    {
        var snapshot = Snapshot with
        {
            Tables = [Customers, Lines],
            Constraints = [ForeignKey(Lines, "lines_order_fk", Customers, "order_id", "tenant_id")],
            Indexes = [Index(Lines, 10, "lines_tenant_order", "tenant_id", "order_id", "sku")],
        };

        Assert.Empty(new ForeignKeyWithoutIndexRule().Evaluate(Facts(snapshot)));
    }

    [Theory]
    [InlineData("order_id IS NOT NULL", true)]
    [InlineData("(order_id IS NOT NULL)", true)]
    [InlineData("order_id IS NOT NULL AND tenant_id IS NOT NULL", true)]
    [InlineData("((order_id IS NOT NULL) AND (\"Tenant\" IS NOT NULL))", true)]
    [InlineData("order_id IS NOT NULL OR tenant_id IS NOT NULL", false)]
    [InlineData("order_id IS NOT NULL AND sku IS NOT NULL", false)]
    [InlineData("order_id IS NULL", false)]
    [InlineData("order_id > 0", false)]
    [InlineData("NOT order_id IS NOT NULL", false)]
    [InlineData("\"order_id IS NOT NULL AND x\" IS NOT NULL", false)]
    [InlineData("order_id IS NOT NULL) OR (true", false)]
    [InlineData("tenant_id IS NOT NULL AND (ORDER_ID IS NOT NULL AND (tenant_id) IS NOT NULL)", true)]
    [InlineData("order_id IS NOT NULL -- AND sku IS NULL", true)]
    public void Only_a_conjunction_of_key_columns_being_not_null_is_implied_by_a_foreign_key_lookup(string predicate, bool implied) =>
        Assert.Equal(implied, DbArchitect.Postgres.Rules.Support.ForeignKeyIndexing.ImpliedByNonNullKeys(predicate, ["order_id", "tenant_id", "Tenant"]));

    [Fact]
    public void Foreign_key_on_a_large_table_covered_only_by_a_partial_index_is_high()
    {
        var partial = Index(Lines, 10, "lines_open_order", "order_id") with { Predicate = "(open)" };
        var snapshot = Snapshot with
        {
            Tables = [Customers, Lines],
            Constraints = [ForeignKey(Lines, "lines_order_fk", Customers, "order_id")],
            Indexes = [partial],
        };

        var finding = Assert.Single(new ForeignKeyWithoutIndexRule().Evaluate(Facts(snapshot)));
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("public.order_lines(order_id)", finding.Subject);
        Assert.Equal(["public.order_lines_order_id_idx"], finding.Remedy!.Creates);
    }

    [Fact]
    public void Duplicate_of_a_primary_key_index_drops_the_plain_index_never_the_key()
    {
        var key = Index(Customers, 10, "customers_pkey", "id") with { IsPrimary = true, IsUnique = true, ConstraintName = "customers_pkey", Scans = 0 };
        var twin = Index(Customers, 11, "customers_id_idx", "id") with { Scans = 500 };
        var snapshot = Snapshot with { Tables = [Customers], Indexes = [key, twin] };

        var finding = Assert.Single(new DuplicateIndexRule().Evaluate(Facts(snapshot)));
        Assert.Equal("public.customers_id_idx", finding.Subject);
        Assert.Equal("DROP INDEX CONCURRENTLY IF EXISTS public.customers_id_idx;", finding.Remedy!.Up);
        Assert.Equal("CREATE INDEX CONCURRENTLY customers_id_idx ON public.customers USING btree (id);", finding.Remedy.Down);
    }

    [Fact]
    public void Two_constraint_indexes_with_the_same_shape_are_left_alone()
    {
        var key = Index(Customers, 10, "customers_pkey", "id") with { IsPrimary = true, IsUnique = true, ConstraintName = "customers_pkey" };
        var unique = Index(Customers, 11, "customers_id_key", "id") with { IsUnique = true, ConstraintName = "customers_id_key" };

        Assert.Empty(new DuplicateIndexRule().Evaluate(Facts(Snapshot with { Tables = [Customers], Indexes = [key, unique] })));
    }

    [Fact]
    public void A_unique_prefix_is_not_redundant_because_dropping_it_loses_uniqueness()
    {
        var uniqueEmail = Index(Customers, 10, "customers_email", "email") with { IsUnique = true };
        var composite = Index(Customers, 11, "customers_email_name", "email", "name");

        Assert.Empty(new RedundantIndexRule().Evaluate(Facts(Snapshot with { Tables = [Customers], Indexes = [uniqueEmail, composite] })));
    }

    [Fact]
    public void A_prefix_with_a_different_sort_order_or_predicate_is_not_redundant()
    {
        var descending = Index(Customers, 10, "customers_email_desc", "email") with { KeyOptions = ["DESC"] };
        var partial = Index(Customers, 11, "customers_email_active", "email") with { Predicate = "active" };
        var composite = Index(Customers, 12, "customers_email_name", "email", "name");

        Assert.Empty(new RedundantIndexRule().Evaluate(Facts(Snapshot with { Tables = [Customers], Indexes = [descending, partial, composite] })));
    }

    [Fact]
    public void Unused_index_is_not_reported_while_statistics_are_younger_than_the_minimum_age()
    {
        var unused = Index(Customers, 10, "customers_name", "name") with { Scans = 0 };
        var young = Snapshot with { Server = Snapshot.Server with { StatsReset = Now.AddDays(-2) }, Tables = [Customers], Indexes = [unused] };
        var old = young with { Server = young.Server with { StatsReset = Now.AddDays(-20) } };

        Assert.Empty(new UnusedIndexRule().Evaluate(Facts(young)));
        var finding = Assert.Single(new UnusedIndexRule().Evaluate(Facts(old)));
        Assert.Contains("20 days", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Unused_unique_and_primary_key_indexes_are_never_reported()
    {
        var key = Index(Customers, 10, "customers_pkey", "id") with { IsPrimary = true, IsUnique = true, ConstraintName = "customers_pkey", Scans = 0 };
        var unique = Index(Customers, 11, "customers_email", "email") with { IsUnique = true, Scans = 0 };

        Assert.Empty(new UnusedIndexRule().Evaluate(Facts(Snapshot with { Tables = [Customers], Indexes = [key, unique] })));
    }

    [Fact]
    public void Invalid_leftover_of_reindex_concurrently_is_dropped_and_recreated_on_rollback()
    {
        var leftover = Index(Customers, 10, "customers_name_ccnew", "name") with { IsValid = false };

        var finding = Assert.Single(new InvalidIndexRule().Evaluate(Facts(Snapshot with { Tables = [Customers], Indexes = [leftover] })));
        Assert.StartsWith("DROP INDEX CONCURRENTLY", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.StartsWith("CREATE INDEX CONCURRENTLY", finding.Remedy.Down, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_bloat_compares_size_with_what_rows_and_column_widths_need()
    {
        var table = Table(3, "events", rows: 1_000_000);
        var statistics = new ColumnStatistics { Schema = "public", Table = "events", Column = "id", NullFraction = 0, AverageWidth = 8, DistinctValues = -1 };
        var bloated = Index(table, 10, "events_id", "id") with { SizeBytes = 100L * 1024 * 1024 };
        var compact = Index(table, 11, "events_id2", "id") with { SizeBytes = 30L * 1024 * 1024 };
        var snapshot = Snapshot with { Tables = [table], Indexes = [bloated, compact], ColumnStatistics = [statistics] };

        var finding = Assert.Single(new IndexBloatRule().Evaluate(Facts(snapshot)));
        Assert.Equal("public.events_id", finding.Subject);
        Assert.Equal("REINDEX INDEX CONCURRENTLY public.events_id;", finding.Remedy!.Up);
    }

    [Fact]
    public void Large_table_without_index_proposes_the_most_distinct_column()
    {
        var table = Table(3, "readings", rows: 200_000);
        var snapshot = Snapshot with
        {
            Tables = [table],
            Columns =
            [
                new ColumnInfo { TableOid = 3, Schema = "public", Table = "readings", Name = "sensor", Position = 1, DataType = "integer", TypeName = "int4", NotNull = true },
                new ColumnInfo { TableOid = 3, Schema = "public", Table = "readings", Name = "reading_no", Position = 2, DataType = "bigint", TypeName = "int8", NotNull = true },
            ],
            ColumnStatistics =
            [
                new ColumnStatistics { Schema = "public", Table = "readings", Column = "sensor", NullFraction = 0, AverageWidth = 4, DistinctValues = 40 },
                new ColumnStatistics { Schema = "public", Table = "readings", Column = "reading_no", NullFraction = 0, AverageWidth = 8, DistinctValues = -1 },
            ],
        };

        var finding = Assert.Single(new LargeTableWithoutIndexRule().Evaluate(Facts(snapshot)));
        Assert.Equal("CREATE INDEX CONCURRENTLY readings_reading_no_idx ON public.readings (reading_no);", finding.Remedy!.Up);
        Assert.Empty(new LargeTableWithoutIndexRule().Evaluate(Facts(snapshot, new RuleOptions { LargeTableRows = 300_000 })));
    }

    [Fact]
    public void A_proposed_index_never_takes_a_name_another_object_holds()
    {
        var table = Table(3, "readings", rows: 200_000);
        var snapshot = Snapshot with
        {
            Tables = [table],
            Columns = [new ColumnInfo { TableOid = 3, Schema = "public", Table = "readings", Name = "reading_no", Position = 1, DataType = "bigint", TypeName = "int8", NotNull = true }],
            ColumnStatistics = [new ColumnStatistics { Schema = "public", Table = "readings", Column = "reading_no", NullFraction = 0, AverageWidth = 8, DistinctValues = -1 }],
            Sequences = [new SequenceInfo { Schema = "public", Name = "readings_reading_no_idx", DataType = "bigint", LastValue = 1, MaxValue = long.MaxValue, MinValue = 1, Increment = 1 }],
        };

        var finding = Assert.Single(new LargeTableWithoutIndexRule().Evaluate(Facts(snapshot)));

        Assert.StartsWith("CREATE INDEX CONCURRENTLY readings_reading_no_", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.DoesNotContain("readings_reading_no_idx ON", finding.Remedy.Up, StringComparison.Ordinal);
        Assert.DoesNotContain("IF NOT EXISTS", finding.Remedy.Up, StringComparison.Ordinal);
        Assert.Contains(finding.Remedy.Creates.Single(), finding.Remedy.Down, StringComparison.Ordinal);
    }
}
