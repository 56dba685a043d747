using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sampling;

namespace DbArchitect.Postgres.Rules;

/// <summary>What the rules see: the catalog snapshot, small row samples, thresholds and the clock.</summary>
public sealed record AnalysisFacts
{
    public required CatalogSnapshot Snapshot { get; init; }

    /// <summary>Row samples by table oid; tables that were not sampled are absent.</summary>
    public IReadOnlyDictionary<uint, TableSample> Samples { get; init; } = new Dictionary<uint, TableSample>();

    /// <summary>Columns that may copy a column of the row their foreign key references, as measured on a sample.</summary>
    public IReadOnlyList<CopiedColumnSample> CopiedColumns { get; init; } = [];

    public RuleOptions Options { get; init; } = new();

    /// <summary>What the connecting role could not read; rules skip it, and the run says so.</summary>
    public MeasurementGaps Gaps { get; init; } = new();

    /// <summary>Tables, views, materialized views and foreign tables read from the catalog.</summary>
    public int RelationCount => Snapshot.Tables.Count;

    /// <summary>Reference time for ages ("analyzed 40 days ago"); the snapshot time.</summary>
    public DateTimeOffset Now => Snapshot.Server.SnapshotTakenAt;
}
