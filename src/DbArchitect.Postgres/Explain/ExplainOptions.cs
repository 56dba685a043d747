namespace DbArchitect.Postgres.Explain;

/// <summary>How to explain a statement.</summary>
public sealed record ExplainOptions
{
    /// <summary>Run the statement (ANALYZE, BUFFERS, WAL) inside a read-only transaction that is rolled back. Default false.</summary>
    public bool Analyze { get; init; }

    /// <summary>
    /// Values for <c>$1…$n</c> placeholders; null explains a parameterised statement through a
    /// prepared statement with a forced generic plan, so no sample values are needed.
    /// </summary>
    public IReadOnlyList<object?>? Parameters { get; init; }
}
