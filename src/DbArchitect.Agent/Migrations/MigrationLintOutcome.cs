using DbArchitect.Core.Migrations;

namespace DbArchitect.Agent.Migrations;

/// <summary>The report, rendered as asked, and whether it fails the run.</summary>
public sealed record MigrationLintOutcome
{
    public required LintReport Report { get; init; }

    public required string Text { get; init; }

    /// <summary>GitHub workflow commands, when asked for; empty otherwise.</summary>
    public string Annotations { get; init; } = "";

    public bool FailThresholdReached { get; init; }
}
