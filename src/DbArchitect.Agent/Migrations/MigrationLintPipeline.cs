using DbArchitect.Core.Failures;
using DbArchitect.Core.Migrations.Discovery;
using DbArchitect.Core.Migrations.Reports;
using DbArchitect.Postgres.Migrations;

namespace DbArchitect.Agent.Migrations;

/// <summary>
/// <c>dbarch migrations lint</c>: find the chains under a folder, lint each migration's up on the
/// server's parser, and render the report. Reads files only: no database is touched.
/// </summary>
public sealed class MigrationLintPipeline
{
    /// <exception cref="DbArchitectException">The folder does not exist or cannot be read (exit 3).</exception>
    public MigrationLintOutcome Run(MigrationLintRequest request, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        IReadOnlyList<Core.Migrations.MigrationChain> chains;
        try
        {
            chains = MigrationDiscovery.Discover(request.Path, cancellationToken);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new DbArchitectException(FailureKind.Unreachable, $"cannot read the migrations folder {request.Path}: {OneLine.Of(e.Message)}");
        }

        progress.Report(chains.Count == 0
            ? $"no migrations found under {request.Path} (Flyway, golang-migrate, dbmate, goose, Prisma or a migrations folder of .sql files)"
            : $"linting {chains.Sum(c => c.Migrations.Count)} migrations in {chains.Count} chain(s) under {request.Path}…");
        var report = new MigrationLinter().Lint(request.Path, chains, cancellationToken);
        return new MigrationLintOutcome
        {
            Report = report,
            Text = request.Format switch
            {
                MigrationReportFormat.Json => MigrationJson.Render(report),
                MigrationReportFormat.Sarif => LintSarif.Render(report, request.ToolVersion),
                _ => LintMarkdown.Render(report),
            },
            Annotations = request.GitHubAnnotations ? GitHubAnnotations.Render(report) : "",
            FailThresholdReached = request.FailOn is { } threshold && report.Findings.Any(f => f.Finding.Severity >= threshold),
        };
    }
}
