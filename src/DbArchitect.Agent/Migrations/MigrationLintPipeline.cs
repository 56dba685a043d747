using DbArchitect.Core.Failures;
using DbArchitect.Core.Migrations.Reports;
using DbArchitect.Agent.Targets;
using DbArchitect.Postgres.Migrations;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Migrations;

/// <summary>
/// <c>dbarch migrations lint</c>: find the chains under a folder, lint each migration's up on the
/// server's parser, score lock findings with a live database's tables when one is given
/// (read-only), and render the report.
/// </summary>
public sealed class MigrationLintPipeline
{
    /// <exception cref="DbArchitectException">The folder does not exist or cannot be read (exit 3).</exception>
    public async Task<MigrationLintOutcome> RunAsync(MigrationLintRequest request, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var chains = MigrationFolder.Discover(request.Path, cancellationToken);

        progress.Report(chains.Count == 0
            ? $"no migrations found under {request.Path} (Flyway, golang-migrate, dbmate, goose, Prisma or a migrations folder of .sql files)"
            : $"linting {chains.Sum(c => c.Migrations.Count)} migrations in {chains.Count} chain(s) under {request.Path}…");
        var report = new MigrationLinter().Lint(request.Path, chains, cancellationToken);
        if (request.ConnectionString is { } connectionString)
        {
            report = report with { Findings = await LiveScoredAsync(report.Findings, connectionString, progress, cancellationToken).ConfigureAwait(false) };
        }

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

    private static string KeyValue(string connectionString)
    {
        try
        {
            return TargetDatabase.KeyValueConnectionString(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DbArchitectException(FailureKind.Usage, $"invalid connection string: {OneLine.Of(e.Message)}");
        }
    }

    private static async Task<IReadOnlyList<Core.Migrations.LintFinding>> LiveScoredAsync(IReadOnlyList<Core.Migrations.LintFinding> findings, string connectionString, IProgress<string> progress, CancellationToken cancellationToken)
    {
        await using var target = await TargetDatabase.OpenAsync(KeyValue(connectionString), demo: false, progress, cancellationToken).ConfigureAwait(false);
        progress.Report($"scoring lock findings with the live tables of {target.Source}…");
        await using var session = TargetSession.Open(target.ConnectionString);
        try
        {
            return await new LiveRisk(session).ScoreAsync(findings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, target.Source) is { } failure)
        {
            throw failure;
        }
    }
}
