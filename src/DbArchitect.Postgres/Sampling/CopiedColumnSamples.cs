namespace DbArchitect.Postgres.Sampling;

/// <summary>The copy candidates measured on a sample, and what happened to each referencing table.</summary>
public sealed record CopiedColumnSamples(IReadOnlyList<CopiedColumnSample> Measured, SampleCoverage Coverage);
