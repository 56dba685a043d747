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

    /// <summary>
    /// Send string <see cref="Parameters"/> untyped, as quoted literals are, so the server gives
    /// each placeholder the type the statement implies (as PREPARE does) and reads the text as that
    /// type. Default false: strings are sent as text.
    /// </summary>
    public bool ParametersAsLiterals { get; init; }
}
