using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;

namespace DbArchitect.Postgres.Tests.Rules.Support;

/// <summary>
/// Small hand-built snapshots for rule logic that a scratch server cannot stage: exact dates, rates,
/// wraparound age, traffic, old statistics, thousands of tables.
/// </summary>
internal static class HandBuiltFacts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static CatalogSnapshot Snapshot { get; } = new()
    {
        Server = new ServerInfo
        {
            Version = "15.18",
            VersionNumber = 150018,
            Database = "shop",
            DatabaseSizeBytes = 100L * 1024 * 1024,
            ServerStarted = Now.AddDays(-30),
            SnapshotTakenAt = Now,
        },
        Activity = new ActivityInfo { TotalConnections = 5, MaxConnections = 100 },
    };

    public static AnalysisFacts Facts(CatalogSnapshot snapshot, RuleOptions? options = null) =>
        new() { Snapshot = snapshot, Options = options ?? new RuleOptions() };

    /// <summary>Facts for the design rules over the given tables, on a server up for 100 days.</summary>
    public static AnalysisFacts Facts(
        IReadOnlyList<TableInfo> tables,
        IReadOnlyList<ColumnInfo> columns,
        IReadOnlyList<SequenceInfo>? sequences = null,
        DateTimeOffset? statsReset = null) => Facts(Snapshot with
    {
        Server = Snapshot.Server with { ServerStarted = Now.AddDays(-100), StatsReset = statsReset },
        Tables = tables,
        Columns = columns,
        Sequences = sequences ?? [],
    });

    public static TableInfo Table(uint oid, string name, double rows = 1_000, string schema = "public", long inserts = 0) => new()
    {
        Oid = oid,
        Schema = schema,
        Name = name,
        Kind = TableKind.Table,
        EstimatedRows = rows,
        LiveTuples = (long)rows,
        TotalBytes = 8192,
        TableBytes = 8192,
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

    public static IndexInfo Index(TableInfo table, uint oid, string name, params string[] keys) => new()
    {
        Oid = oid,
        Schema = table.Schema,
        Table = table.Name,
        TableOid = table.Oid,
        Name = name,
        Definition = $"CREATE INDEX {name} ON {table.QualifiedName} USING btree ({string.Join(", ", keys)})",
        Method = "btree",
        KeyColumns = keys,
        KeyOptions = keys.Select(_ => "").ToList(),
        IsUnique = false,
        IsPrimary = false,
        IsValid = true,
        SizeBytes = 16_384,
        Scans = 10,
    };

    public static ConstraintInfo PrimaryKey(TableInfo table, params string[] columns) => new()
    {
        Schema = table.Schema,
        Table = table.Name,
        TableOid = table.Oid,
        Name = $"{table.Name}_pkey",
        Kind = ConstraintKind.PrimaryKey,
        Columns = columns,
        Definition = $"PRIMARY KEY ({string.Join(", ", columns)})",
    };

    public static ConstraintInfo ForeignKey(TableInfo child, string name, TableInfo parent, params string[] columns) => new()
    {
        Schema = child.Schema,
        Table = child.Name,
        TableOid = child.Oid,
        Name = name,
        Kind = ConstraintKind.ForeignKey,
        Columns = columns,
        Definition = $"FOREIGN KEY ({string.Join(", ", columns)}) REFERENCES {parent.QualifiedName}(id)",
        ReferencedSchema = parent.Schema,
        ReferencedTable = parent.Name,
        ReferencedColumns = ["id"],
        OnDelete = "NO ACTION",
        OnUpdate = "NO ACTION",
    };

    public static SettingInfo Setting(string name, string value, string? unit = null, long? bytes = null) =>
        new() { Name = name, Value = value, Unit = unit, Bytes = bytes, Source = "configuration file" };
}
