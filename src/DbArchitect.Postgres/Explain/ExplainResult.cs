namespace DbArchitect.Postgres.Explain;

/// <summary>A statement's plan, with timings when it was run with ANALYZE.</summary>
public sealed record ExplainResult
{
    public required string Statement { get; init; }
    public required PlanNode Plan { get; init; }
    public required bool Analyzed { get; init; }

    /// <summary>Milliseconds; present with ANALYZE (and SUMMARY).</summary>
    public double? PlanningTimeMs { get; init; }
    public double? ExecutionTimeMs { get; init; }

    /// <summary>Planner-relevant settings that differ from their defaults (EXPLAIN SETTINGS).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// For a generic plan of a statement that leaves its placeholders' types open: the type they
    /// were declared as to plan it at all. Null when the statement typed them itself.
    /// </summary>
    public string? AssumedPlaceholderType { get; init; }

    /// <summary>The server's JSON, verbatim, for people and tools that want all of it.</summary>
    public required string RawJson { get; init; }
}
