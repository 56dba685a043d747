using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Indexes;
using static DbArchitect.Postgres.Tests.Rules.Support.HandBuiltFacts;

namespace DbArchitect.Postgres.Tests.Rules.Indexes;

/// <summary>A partition's share of its parent's index, written by the one index model, on trees a fixture does not stage.</summary>
public sealed class PartitionIndexDdlTests
{
    private static TableInfo Partitioned(uint oid, string name, TableInfo? parent = null) =>
        Partition(Table(oid, name, schema: "ix"), parent) with { Kind = TableKind.PartitionedTable };

    private static TableInfo Partition(TableInfo table, TableInfo? parent) => parent is null
        ? table
        : table with { PartitionParentSchema = parent.Schema, PartitionParentName = parent.Name, PartitionParentOid = parent.Oid, PartitionBound = "FOR VALUES IN (1)" };

    [Fact]
    public void A_unique_parent_index_with_options_is_copied_whole_on_only_a_sub_partitioned_partition_and_concurrently_below_it()
    {
        var shards = Partitioned(1, "shards");
        var first = Partition(Table(2, "shards_1", schema: "ix"), shards);
        var second = Partitioned(3, "shards_2", shards);
        var leaf = Partition(Table(4, "Shards 2 A", schema: "ix"), second);
        var parentIndex = Index(shards, 10, "shards_code_idx", "code", "region") with
        {
            IsUnique = true,
            IsPartitioned = true,
            IsValid = false,
            Definition = "CREATE UNIQUE INDEX shards_code_idx ON ONLY ix.shards USING btree (code text_pattern_ops, region) NULLS NOT DISTINCT WITH (fillfactor='70') WHERE (region > 0)",
        };
        var attached = Index(first, 11, "shards_1_code_idx", "code", "region") with { IsUnique = true, ParentIndexOid = 10 };
        var snapshot = Snapshot with { Tables = [shards, first, second, leaf], Indexes = [parentIndex, attached] };

        var finding = Assert.Single(new PartitionMissingParentIndexRule().Evaluate(Facts(snapshot)));

        Assert.Equal(
            """
            CREATE UNIQUE INDEX shards_2_code_idx ON ONLY ix.shards_2 USING btree (code text_pattern_ops, region) NULLS NOT DISTINCT WITH (fillfactor='70') WHERE (region > 0);
            ALTER INDEX ix.shards_code_idx ATTACH PARTITION ix.shards_2_code_idx;
            CREATE UNIQUE INDEX CONCURRENTLY "Shards 2 A_code_idx" ON ix."Shards 2 A" USING btree (code text_pattern_ops, region) NULLS NOT DISTINCT WITH (fillfactor='70') WHERE (region > 0);
            ALTER INDEX ix.shards_2_code_idx ATTACH PARTITION ix."Shards 2 A_code_idx";
            """,
            finding.Remedy!.Up);
        Assert.Equal(["ix.shards_2_code_idx"], finding.Remedy.Creates);
    }

    [Fact]
    public void A_parent_index_whose_quoted_name_holds_using_is_copied_from_its_using_keyword()
    {
        var events = Partitioned(1, "events");
        var leaf = Partition(Table(2, "events_1", schema: "ix"), events);
        var parentIndex = Index(events, 10, "by kind USING hash", "kind") with
        {
            IsPartitioned = true,
            Method = "hash",
            Definition = "CREATE INDEX \"by kind USING hash\" ON ONLY ix.events USING hash (kind)",
        };
        var snapshot = Snapshot with { Tables = [events, leaf], Indexes = [parentIndex] };

        var finding = Assert.Single(new PartitionMissingParentIndexRule().Evaluate(Facts(snapshot)));

        Assert.Contains("ON ix.events_1 USING hash (kind);", finding.Remedy!.Up, StringComparison.Ordinal);
    }
}
