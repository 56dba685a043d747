namespace DbArchitect.Postgres.Sampling;

/// <summary>The row samples by table oid, and what happened to each table chosen for one.</summary>
public sealed record RowSamples(IReadOnlyDictionary<uint, TableSample> ByTable, SampleCoverage Coverage);
