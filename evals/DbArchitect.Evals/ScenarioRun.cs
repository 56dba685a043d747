using DbArchitect.Core.Findings;

namespace DbArchitect.Evals;

/// <summary>What analyze produced for one scenario, before grading.</summary>
internal sealed record ScenarioRun
{
    public required Scenario Scenario { get; init; }

    /// <summary>Every finding analyze reported, ungraded ones included.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>False when the pipeline refused its own TODO (validation failed, nothing written).</summary>
    public required bool TodoValid { get; init; }

    /// <summary>The validation failure, or the error that stopped the scenario.</summary>
    public string? Error { get; init; }

    /// <summary>True when the scenario could not be run at all (setup or pipeline error other than validation).</summary>
    public bool Failed { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
