using DbArchitect.Agent.Architect;
using DbArchitect.Core.Findings;

namespace DbArchitect.Evals;

/// <summary>What analyze produced for one scenario, before grading.</summary>
internal sealed record ScenarioRun
{
    public required Scenario Scenario { get; init; }

    public EvalMode Mode { get; init; } = EvalMode.Deterministic;

    /// <summary>Every finding analyze reported, ungraded ones included.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>
    /// The finding keys of the open items of the written document; null when nothing was written.
    /// Model mode is graded by them, since the model may drop, merge or add work; deterministic
    /// mode by its findings, and by these only for comparison.
    /// </summary>
    public IReadOnlyList<string>? DocumentKeys { get; init; }

    /// <summary>False when the pipeline refused its own TODO (validation failed, nothing written).</summary>
    public required bool TodoValid { get; init; }

    /// <summary>Whether the written document passes the TODO JSON Schema; null when nothing was written.</summary>
    public bool? SchemaValid { get; init; }

    /// <summary>How the model architect got its document; null in deterministic mode or when the run stopped early.</summary>
    public ArchitectResult? Architect { get; init; }

    /// <summary>Recorded turns the run did not ask for (a recording may answer a follow-up the architect does not make yet).</summary>
    public int TurnsLeft { get; init; }

    /// <summary>The validation failure, or the error that stopped the scenario.</summary>
    public string? Error { get; init; }

    /// <summary>True when the scenario could not be run at all (setup or pipeline error other than validation).</summary>
    public bool Failed { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
