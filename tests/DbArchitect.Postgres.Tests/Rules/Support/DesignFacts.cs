using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;

namespace DbArchitect.Postgres.Tests.Rules.Support;

/// <summary>Minimal snapshots for logic that needs exact numbers a live server cannot be made to show (dates, rates, thousands of tables).</summary>
internal static class DesignFacts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TableInfo Table(uint oid, string name, string schema = "public", long inserts = 0) => new()
    {
        Oid = oid,
        Schema = schema,
        Name = name,
        Kind = TableKind.Table,
        EstimatedRows = 1000,
        TotalBytes = 1 << 20,
        TableBytes = 1 << 20,
        IndexBytes = 0,
        Inserts = inserts,
    };

    public static ColumnInfo Column(TableInfo table, int position, string name, string dataType, string typeName) => new()
    {
        TableOid = table.Oid,
        Schema = table.Schema,
        Table = table.Name,
        Name = name,
        Position = position,
        DataType = dataType,
        TypeName = typeName,
        NotNull = false,
    };

    public static AnalysisFacts Facts(
        IReadOnlyList<TableInfo> tables,
        IReadOnlyList<ColumnInfo> columns,
        IReadOnlyList<SequenceInfo>? sequences = null,
        DateTimeOffset? statsReset = null) => new()
    {
        Snapshot = new CatalogSnapshot
        {
            Server = new ServerInfo
            {
                Version = "15.18",
                VersionNumber = 150018,
                Database = "app",
                DatabaseSizeBytes = 1 << 30,
                StatsReset = statsReset,
                ServerStarted = Now.AddDays(-100),
                SnapshotTakenAt = Now,
            },
            Tables = tables,
            Columns = columns,
            Sequences = sequences ?? [],
            Activity = new ActivityInfo { TotalConnections = 1, MaxConnections = 100 },
        },
    };
}
