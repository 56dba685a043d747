namespace DbArchitect.Postgres.Catalog.Reading;

internal static class TableQuery
{
    public static readonly CatalogQuery<TableInfo> Query = new("tables", row => new TableInfo
    {
        Oid = row.Oid("oid"),
        Schema = row.Name("schema"),
        Name = row.Name("name"),
        Kind = Kind(row.String("kind")),
        Owner = row.Name("owner"),
        PartitionParentSchema = row.NullableName("partition_parent_schema"),
        PartitionParentName = row.NullableName("partition_parent_name"),
        PartitionParentOid = row.NullableOid("partition_parent_oid"),
        PartitionBound = row.NullableString("partition_bound"),
        PartitionKey = row.NullableString("partition_key"),
        PartitionStrategy = row.NullableString("partition_strategy") is { } strategy ? Strategy(strategy) : null,
        EstimatedRows = row.Double("estimated_rows"),
        TableBytes = row.Long("table_bytes"),
        IndexBytes = row.Long("index_bytes"),
        TotalBytes = row.Long("table_bytes") + row.Long("index_bytes"),
        RowLevelSecurity = row.Bool("row_level_security"),
        ForceRowLevelSecurity = row.Bool("force_row_level_security"),
        PolicyCount = row.Int("policy_count"),
        Comment = row.NullableString("comment"),
        FrozenXidAge = row.Long("frozen_xid_age"),
        SeqScans = row.Long("seq_scans"),
        SeqTuplesRead = row.Long("seq_tuples_read"),
        IndexScans = row.Long("index_scans"),
        Inserts = row.Long("inserts"),
        Updates = row.Long("updates"),
        HotUpdates = row.Long("hot_updates"),
        Deletes = row.Long("deletes"),
        LiveTuples = row.Long("live_tuples"),
        DeadTuples = row.Long("dead_tuples"),
        ModificationsSinceAnalyze = row.Long("modifications_since_analyze"),
        LastVacuum = row.NullableDateTime("last_vacuum"),
        LastAutoVacuum = row.NullableDateTime("last_autovacuum"),
        LastAnalyze = row.NullableDateTime("last_analyze"),
        LastAutoAnalyze = row.NullableDateTime("last_autoanalyze"),
        Options = row.Names("options"),
        Readable = row.Bool("readable"),
    });

    private static TableKind Kind(string relkind) => relkind switch
    {
        "r" => TableKind.Table,
        "p" => TableKind.PartitionedTable,
        "v" => TableKind.View,
        "m" => TableKind.MaterializedView,
        "f" => TableKind.ForeignTable,
        _ => throw new InvalidOperationException($"unexpected relkind '{relkind}'"),
    };

    private static PartitionStrategy Strategy(string partstrat) => partstrat switch
    {
        "r" => Catalog.PartitionStrategy.Range,
        "l" => Catalog.PartitionStrategy.List,
        "h" => Catalog.PartitionStrategy.Hash,
        _ => throw new InvalidOperationException($"unexpected partstrat '{partstrat}'"),
    };
}
