namespace DbArchitect.Agent.Explaining;

/// <summary>One statement to plan on a target, optionally run read-only for actual figures.</summary>
public sealed record ExplainRequest
{
    public required string ConnectionString { get; init; }

    /// <summary>The SQL statement; <c>$1…$n</c> placeholders are planned generically.</summary>
    public required string Statement { get; init; }

    /// <summary>Run the statement (read-only statements only, in a transaction that is rolled back).</summary>
    public bool Analyze { get; init; }
}
