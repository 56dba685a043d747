namespace DbArchitect.Postgres.Rewrites;

/// <summary>
/// Whether a proposed rewrite of a statement may replace it, and the evidence: both plans' costs,
/// and both results' row counts and digests. Accepted only when everything was checked.
/// </summary>
public sealed record RewriteVerdict
{
    /// <summary>The rewrite plans, costs less than the original, and returns the same rows.</summary>
    public required bool Accepted { get; init; }

    /// <summary>One line: why the rewrite was not accepted or could not be checked; null when accepted.</summary>
    public string? Refusal { get; init; }

    /// <summary>Planner total cost (EXPLAIN, estimated) with the constants both ran with.</summary>
    public double? OriginalCost { get; init; }

    public double? RewriteCost { get; init; }

    /// <summary>Rows the original actually returned.</summary>
    public long? OriginalRows { get; init; }

    public long? RewriteRows { get; init; }

    /// <summary>The original has an ORDER BY of its own, so the rows must come in the same order.</summary>
    public bool OrderMatters { get; init; }

    /// <summary>Hexadecimal digest of the original's result (order-sensitive when <see cref="OrderMatters"/>).</summary>
    public string? OriginalHash { get; init; }

    public string? RewriteHash { get; init; }

    /// <summary>The constants both statements were planned and run with, for people ("$1 = 'done' (most common value of …)"); null without placeholders.</summary>
    public string? Constants { get; init; }
}
