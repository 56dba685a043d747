using DbArchitect.Core.Findings;

namespace DbArchitect.Agent.Migrations;

/// <summary>What <c>dbarch migrations lint</c> was asked: a folder, the output form, and the severity that fails the run.</summary>
public sealed record MigrationLintRequest
{
    /// <summary>A repository or a migrations folder; every chain under it is linted.</summary>
    public required string Path { get; init; }

    public MigrationReportFormat Format { get; init; } = MigrationReportFormat.Markdown;

    /// <summary>A live database whose tables score the lock findings (read-only: pg_stat_user_tables); null lints the files alone.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>A finding at or above this severity fails the run (exit 1); null never does.</summary>
    public Severity? FailOn { get; init; }

    /// <summary>Also write GitHub Actions workflow commands, so findings show on the pull request's lines.</summary>
    public bool GitHubAnnotations { get; init; }

    /// <summary>The tool's version, for SARIF's driver.</summary>
    public string ToolVersion { get; init; } = "0";
}

public enum MigrationReportFormat
{
    Markdown,
    Json,
    Sarif,
}
