namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// A small read-only sample of a table's rows (TABLESAMPLE), values as text. Used by the
/// normalisation checks; never sent anywhere as-is.
/// </summary>
public sealed record TableSample
{
    public required uint TableOid { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Rows in <see cref="Columns"/> order; null for SQL NULL.</summary>
    public required IReadOnlyList<string?[]> Rows { get; init; }
}
