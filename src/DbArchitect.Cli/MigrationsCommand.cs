using System.CommandLine;
using System.Reflection;
using DbArchitect.Agent.Migrations;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Findings;

namespace DbArchitect.Cli;

/// <summary><c>dbarch migrations lint PATH</c>: the migration chains under a folder, linted on the server's parser.</summary>
internal static class MigrationsCommand
{
    /// <summary><c>migrations verify PATH</c>: up, down, schema and rows compared, up again, on a scratch server.</summary>
    private static Command Verify(TextWriter output, TextWriter error)
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "A repository or a migrations folder." };
        var rows = new Option<int>("--rows") { Description = "Rows generated into each table before the migrations that change it.", DefaultValueFactory = _ => 10_000 };
        var format = new Option<string>("--format") { Description = "md or json.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var verify = new Command("verify", "Run every migration under PATH on a scratch PostgreSQL: up (locks taken, tables rewritten), down, then the schema and every table's rows compared with before, then up again. Exit 1 when a migration fails to apply, to reverse, to keep its data or to run again.")
        {
            path, rows, format,
        };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(rows) is < 0 or > 10_000_000)
            {
                return await Cli.Fail(error, ExitCodes.Usage, "--rows must be between 0 and 10,000,000").ConfigureAwait(false);
            }

            try
            {
                var (report, text) = await new MigrationVerifyPipeline().RunAsync(parse.GetValue(path)!.FullName, parse.GetValue(rows), parse.GetValue(format) == "json", new ImmediateProgress(error), cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(text).ConfigureAwait(false);
                return report.Failed > 0 ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return await Cli.Fail(error, ExitCodes.Cancelled, "cancelled").ConfigureAwait(false);
            }
        });
        return verify;
    }

    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "A repository or a migrations folder." };
        var format = new Option<string>("--format") { Description = "md, json or sarif (SARIF 2.1.0, for code scanning).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json", "sarif");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with code 1 when a finding is at or above this severity.", HelpName = "info|low|medium|high|critical|never", DefaultValueFactory = _ => "high",
        };
        var connection = new Option<string?>("--connection", "-c") { Description = "A live database (read-only session) whose tables score the lock findings: a note on an empty table, raised on a large or busy one." };
        var lint = new Command("lint", "Lint every migration under PATH (Flyway, golang-migrate, dbmate, goose, Prisma, plain .sql folders): the lock each statement takes, what it blocks, and the safe rewrite. With GITHUB_ACTIONS set, findings are also written to stderr as annotations on their lines.")
        {
            path, format, failOn, connection,
        };
        lint.SetAction(async (parse, cancellationToken) =>
        {
            Severity? threshold = null;
            var failOnText = parse.GetValue(failOn)!;
            if (failOnText != "never")
            {
                if (!SeverityParser.TryParse(failOnText, out var parsed))
                {
                    return await Cli.Fail(error, ExitCodes.Usage, $"--fail-on: unknown severity '{failOnText}' (info|low|medium|high|critical|never)").ConfigureAwait(false);
                }

                threshold = parsed;
            }

            var request = new MigrationLintRequest
            {
                Path = parse.GetValue(path)!.FullName,
                Format = parse.GetValue(format) switch { "json" => MigrationReportFormat.Json, "sarif" => MigrationReportFormat.Sarif, _ => MigrationReportFormat.Markdown },
                FailOn = threshold,
                ConnectionString = parse.GetValue(connection),
                GitHubAnnotations = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true",
                ToolVersion = typeof(MigrationsCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0",
            };
            try
            {
                var outcome = await new MigrationLintPipeline().RunAsync(request, new ImmediateProgress(error), cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(outcome.Text).ConfigureAwait(false);
                // The runner reads workflow commands from stderr as well, and stdout stays a clean document.
                await error.WriteAsync(outcome.Annotations).ConfigureAwait(false);
                return outcome.FailThresholdReached ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return await Cli.Fail(error, ExitCodes.Cancelled, "cancelled").ConfigureAwait(false);
            }
        });
        return new Command("migrations", "Migration chains: lint them statically, verify them on a scratch server.") { lint, Verify(output, error) };
    }
}
