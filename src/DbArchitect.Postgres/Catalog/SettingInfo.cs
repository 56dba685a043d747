namespace DbArchitect.Postgres.Catalog;

/// <summary>A server setting from pg_settings.</summary>
public sealed record SettingInfo
{
    public required string Name { get; init; }

    /// <summary>Raw value in <see cref="Unit"/> (e.g. "16384" with unit "8kB").</summary>
    public required string Value { get; init; }
    public string? Unit { get; init; }

    /// <summary>Where the value came from: default, configuration file, command line…</summary>
    public string? Source { get; init; }

    /// <summary>The value converted to bytes for memory settings, else null.</summary>
    public long? Bytes { get; init; }
}
