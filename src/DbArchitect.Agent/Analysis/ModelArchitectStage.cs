using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Model;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Core.Todo;
using Microsoft.Extensions.Logging.Abstractions;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// The plan stage with a model: the model architect writes the document from the same facts, with
/// the tools, under the validator and grounding checks; when it cannot produce a valid one, the
/// deterministic planner's document is kept and the run says so. A model that cannot be reached
/// fails the run (exit 3) before anything is written.
/// </summary>
internal static class ModelArchitectStage
{
    public static async Task<TodoDocument> RunAsync(AnalyzeRequest request, TodoDocument deterministic, ArchitectInput input, string connectionString, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (request.Model is not { Provider: not ModelProvider.None } options)
        {
            return deterministic;
        }

        var prompts = await PromptLibrary.LoadAsync(request.PromptsDirectory, cancellationToken).ConfigureAwait(false);
        var secrets = new SecretRedactor();
        secrets.AddConnectionString(connectionString);
        using var connection = new ChatClientFactory(NullLoggerFactory.Instance).Create(options, secrets)!;
        progress.Report($"asking {connection.Description} ({prompts.ArchitectSystem.Label}) to write the plan…");
        var result = await new ModelArchitect(connection.Client, prompts, new ArchitectOptions { Secrets = secrets })
            .RunAsync(input with { Generator = $"{connection.Description}, {prompts.ArchitectSystem.Label}" }, cancellationToken)
            .ConfigureAwait(false);
        var usage = result.TokenUsage;
        progress.Report($"model: {result.Attempts} answer(s), {usage.InputTokens} input + {usage.OutputTokens} output tokens, tools {string.Join(", ", result.ToolCalls.Select(t => $"{t.Key}×{t.Value}"))}");
        if (result.UsedFallback)
        {
            progress.Report($"the model's plan failed validation ({result.FallbackReason}); the deterministic planner's plan is written instead");
        }

        return result.Document;
    }
}
