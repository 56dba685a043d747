using System.CommandLine;
using DbArchitect.Agent.Analysis;
using DbArchitect.Agent.Configuration;
using DbArchitect.Agent.Model;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using Microsoft.Extensions.Configuration;

namespace DbArchitect.Cli;

/// <summary><c>dbarch analyze</c>: the main job — facts, findings, plan, validated TODO.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var connection = new Option<string?>("--connection", "-c") { Description = "Target connection string (read-only session). Also Database:ConnectionString / DBARCH__Database__ConnectionString." };
        var demo = new Option<bool>("--demo") { Description = "Start a scratch PostgreSQL, load the shipped sample shop database and analyse it." };
        var repo = new Option<DirectoryInfo?>("--repo") { Description = "Repository the TODO belongs to; the default output directory. Alone, without --connection or --demo: its migrations are built on a scratch server and that schema is analysed." };
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "Directory that receives TODO_database-architect.md (default: --repo, else the current directory)." };
        var format = new Option<string>("--format") { Description = "md writes the TODO file; json prints the validated document on stdout.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with code 1 when a finding is at or above this severity.", HelpName = "info|low|medium|high|critical" };
        var workload = new Option<FileInfo?>("--workload") { Description = "A .sql file of statements (separated by ';') to plan on the target and review." };
        var noSqlCheck = new Option<bool>("--no-sql-check") { Description = "Skip checking every SQL block on a scratch copy of the schema." };
        var model = new Option<string?>("--model") { Description = $"Architect model: {ModelProviderNames.Choices}. Default none: the deterministic planner." };
        var modelEndpoint = new Option<string?>("--model-endpoint") { Description = "Endpoint URL (openai-compatible, azure-openai, ollama)." };
        var modelName = new Option<string?>("--model-name") { Description = "Model or deployment name. The key comes from DBARCH_API_KEY or Model:ApiKey." };

        var command = new Command("analyze", "Analyse a PostgreSQL database and write TODO_database-architect.md.")
        {
            connection, demo, repo, outDirectory, workload, format, failOn, noSqlCheck, model, modelEndpoint, modelName,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = Settings.Load();
            if (TargetChoice.ReadForAnalysis(parse, connection, demo, configuration, parse.GetValue(repo) is not null) is not { } choice)
            {
                return await Cli.Fail(error, ExitCodes.Usage, TargetChoice.AnalysisConflict).ConfigureAwait(false);
            }

            Severity? threshold = null;
            if (parse.GetValue(failOn) is { } failOnText)
            {
                if (!SeverityParser.TryParse(failOnText, out var parsed))
                {
                    return await Cli.Fail(error, ExitCodes.Usage, $"--fail-on: unknown severity '{failOnText}' (info|low|medium|high|critical)").ConfigureAwait(false);
                }

                threshold = parsed;
            }

            var repoDirectory = parse.GetValue(repo);
            if (repoDirectory is { Exists: false })
            {
                return await Cli.Fail(error, ExitCodes.Unreachable, $"repository not found: {repoDirectory.FullName}").ConfigureAwait(false);
            }

            var workloadFile = parse.GetValue(workload);
            if (workloadFile is { Exists: false })
            {
                return await Cli.Fail(error, ExitCodes.Unreachable, $"workload file not found: {workloadFile.FullName}").ConfigureAwait(false);
            }

            var json = parse.GetValue(format) == "json";
            var target = parse.GetValue(outDirectory) ?? repoDirectory ?? new DirectoryInfo(Directory.GetCurrentDirectory());
            if (!json && !target.Exists)
            {
                return await Cli.Fail(error, ExitCodes.Usage, $"--out: directory not found: {target.FullName}").ConfigureAwait(false);
            }

            if (!json && OutputProbe.Refusal(target) is { } refusal)
            {
                return await Cli.Fail(error, ExitCodes.Unreachable, $"--out: cannot write to {target.FullName}: {refusal}").ConfigureAwait(false);
            }

            AnalyzeRequest request;
            try
            {
                request = AnalysisSettings.Apply(configuration, new AnalyzeRequest
                {
                    ConnectionString = choice.ConnectionString,
                    Demo = choice.Demo,
                    OutputDirectory = json ? null : target.FullName,
                    WorkloadFile = workloadFile?.FullName,
                    RepositoryPath = repoDirectory?.FullName,
                    CheckSql = !parse.GetValue(noSqlCheck),
                    FailOn = threshold,
                    Model = ModelOptionsReader.Read(new ModelArguments(parse.GetValue(model), parse.GetValue(modelEndpoint), parse.GetValue(modelName)), configuration),
                    PromptsDirectory = configuration[PromptLibrary.DirectorySetting],
                });
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }

            try
            {
                var outcome = await new AnalyzePipeline().RunAsync(request, new ImmediateProgress(error), cancellationToken).ConfigureAwait(false);
                if (json)
                {
                    await output.WriteLineAsync(TodoJson.Serialize(outcome.Document)).ConfigureAwait(false);
                }
                else
                {
                    await output.WriteLineAsync($"TODO written to {outcome.WrittenTo} ({outcome.Document.Items.Count} items, {outcome.Findings.Count} findings)").ConfigureAwait(false);
                }

                return outcome.FailThresholdReached ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return await Cli.Fail(error, ExitCodes.Cancelled, "cancelled; nothing was written").ConfigureAwait(false);
            }
        });
        return command;
    }
}
