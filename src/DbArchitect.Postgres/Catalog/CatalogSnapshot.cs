namespace DbArchitect.Postgres.Catalog;

/// <summary>
/// Everything the schema rules read about one database, taken in a fixed number of catalog
/// queries so that cost does not grow with the number of tables. Immutable: rules only read it.
/// </summary>
public sealed record CatalogSnapshot
{
    public required ServerInfo Server { get; init; }
    public IReadOnlyList<SchemaInfo> Schemas { get; init; } = [];
    public IReadOnlyList<TableInfo> Tables { get; init; } = [];
    public IReadOnlyList<ColumnInfo> Columns { get; init; } = [];
    public IReadOnlyList<ConstraintInfo> Constraints { get; init; } = [];
    public IReadOnlyList<IndexInfo> Indexes { get; init; } = [];
    public IReadOnlyList<SequenceInfo> Sequences { get; init; } = [];
    public IReadOnlyList<ColumnStatistics> ColumnStatistics { get; init; } = [];
    public IReadOnlyList<ExtensionInfo> Extensions { get; init; } = [];
    public IReadOnlyList<SettingInfo> Settings { get; init; } = [];
    public required ActivityInfo Activity { get; init; }
    public IReadOnlyList<ReplicationSlotInfo> ReplicationSlots { get; init; } = [];
    public IReadOnlyList<RoleInfo> Roles { get; init; } = [];
    public IReadOnlyList<SecurityDefinerFunctionInfo> SecurityDefinerFunctions { get; init; } = [];
    public IReadOnlyList<LanguageInfo> Languages { get; init; } = [];

    /// <summary>Number of round trips the snapshot took (for the benchmark's "independent of table count").</summary>
    public int RoundTrips { get; init; }
}
