using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Agent.Model;
using DbArchitect.Core.Redaction;
using Microsoft.Extensions.AI;
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
    /// <returns>Null when no model is configured: the deterministic document (the input's fallback) stands.</returns>
    public static async Task<ArchitectResult?> RunAsync(AnalyzeRequest request, ArchitectInput input, string connectionString, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (request.ChatClient is null && request.Model is not { Provider: not ModelProvider.None })
        {
            return null;
        }

        var prompts = await PromptLibrary.LoadAsync(request.PromptsDirectory, cancellationToken).ConfigureAwait(false);
        var secrets = new SecretRedactor();
        secrets.AddConnectionString(connectionString);
        if (request.ChatClient is { } given)
        {
            return await AskAsync(given, request.ChatClientDescription, prompts, secrets, input, progress, cancellationToken).ConfigureAwait(false);
        }

        using var connection = new ChatClientFactory(NullLoggerFactory.Instance).Create(request.Model!, secrets)!;
        return await AskAsync(connection.Client, connection.Description, prompts, secrets, input, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ArchitectResult> AskAsync(IChatClient client, string description, PromptLibrary prompts, SecretRedactor secrets, ArchitectInput input, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report($"asking {description} ({prompts.ArchitectSystem.Label}) to write the plan…");
        var result = await new ModelArchitect(client, prompts, new ArchitectOptions { Secrets = secrets })
            .RunAsync(input with { Generator = $"{description}, {prompts.ArchitectSystem.Label}" }, cancellationToken)
            .ConfigureAwait(false);
        var usage = result.TokenUsage;
        progress.Report($"model: {result.Attempts} answer(s) in {result.Rounds} round(s), {usage.InputTokens} input + {usage.OutputTokens} output tokens, tools {string.Join(", ", result.ToolCalls.Select(t => $"{t.Key}×{t.Value}"))}");
        if (result.UsedFallback)
        {
            progress.Report($"the model's plan failed validation ({result.FallbackReason}); the deterministic planner's plan is written instead");
        }
        else if (result.FallbackReason is not null)
        {
            progress.Report($"the model's last round failed validation ({result.FallbackReason})");
        }

        return result;
    }
}
