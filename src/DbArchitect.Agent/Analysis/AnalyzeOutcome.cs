using DbArchitect.Agent.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Analysis;

/// <summary>The validated document, the findings behind it, and where it was written.</summary>
public sealed record AnalyzeOutcome
{
    public required TodoDocument Document { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Full path of the written TODO, or null when nothing was written.</summary>
    public string? WrittenTo { get; init; }

    /// <summary>How the model architect got its document (answers, repairs, fallback, tokens, tool calls); null when no model was asked.</summary>
    public ArchitectResult? Architect { get; init; }

    /// <summary>Findings whose remedy the scratch copy refused even after completion: pain points, not items.</summary>
    public IReadOnlyList<string> RemediesLeftToAPerson { get; init; } = [];

    /// <summary>True when some finding is at or above the request's fail-on severity.</summary>
    public bool FailThresholdReached { get; init; }
}
