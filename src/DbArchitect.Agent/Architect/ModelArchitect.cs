using System.Globalization;
using System.Text.Json;
using DbArchitect.Agent.Model;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Core.Architect;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Tools;
using DbArchitect.Core.Validation;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Architect;

/// <summary>
/// The model as architect: it gets the role prompt, a brief and the deterministic tools, and
/// answers with the TODO document as structured output. The answer is accepted only when it
/// passes the validator and the engine's grounding checks (<see cref="IArchitectToolbox.Ground"/>); otherwise the errors go back with
/// the repair prompt, a bounded number of times, and then the deterministic document stands.
/// When the tools accepted a new index or rewrite while the model worked, the accepted document
/// is not the end: what was gained goes back to the model for another round, until a round
/// gains nothing or <see cref="ArchitectOptions.MaxRounds"/> is reached.
/// The client must invoke functions itself (<c>UseFunctionInvocation</c>, as
/// <see cref="ChatClientFactory"/> builds it).
/// </summary>
public sealed class ModelArchitect(IChatClient client, PromptLibrary prompts, ArchitectOptions? options = null)
{
    /// <summary>Errors handed back per repair; a document wrong everywhere needs rewriting, not a longer list.</summary>
    public const int MaxErrorsHandedBack = 40;

    private static readonly Lazy<JsonElement> SchemaElement = new(() => JsonDocument.Parse(TodoSchema.Text).RootElement.Clone());

    private readonly ArchitectOptions _options = options ?? new ArchitectOptions();

    /// <exception cref="OperationCanceledException">The token was cancelled; no document is produced.</exception>
    public async Task<ArchitectResult> RunAsync(ArchitectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tools = input.Engine.OpenToolbox(_options.RedactLiterals, _options.Secrets);
        var brief = Secret(ArchitectBrief.Write(input, tools));
        var validation = input.Engine.Validation;

        var chatOptions = new ChatOptions
        {
            Tools = [.. tools.Functions],
            ResponseFormat = ChatResponseFormat.ForJsonSchema(SchemaElement.Value, "todo_document", "The TODO_database-architect document"),
        };
        List<ChatMessage> messages = [new(ChatRole.System, prompts.ArchitectSystem.Text), new(ChatRole.User, brief)];

        var tally = new TokenUsageTally();
        var repairErrors = new List<string>();
        var (answers, repairs, round, gainsSeen) = (0, 0, 1, 0);
        TodoDocument? accepted = null;
        while (true)
        {
            var response = await client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            answers++;
            // Usage arrives summed over the tool round trips of the response; each still counts as a call.
            tally.Add(response.Usage);
            for (var call = 1; call < response.Messages.Count(m => m.Role == ChatRole.Assistant); call++)
            {
                tally.Add(null);
            }

            messages.AddRange(response.Messages);

            var (document, errors) = await CheckAsync(response.Messages.LastOrDefault()?.Text ?? "", input, tools, brief, validation, cancellationToken).ConfigureAwait(false);
            if (document is not null)
            {
                accepted = document;
                var found = tools.Gains.Since(gainsSeen);
                gainsSeen += found.Count;
                if (found.Count == 0 || round >= _options.MaxRounds)
                {
                    return Result(accepted, false, null);
                }

                // The tools accepted something new: the model sees what it gained and may look for more.
                round++;
                repairs = 0;
                messages.Add(new ChatMessage(ChatRole.User, prompts.ArchitectRound.Fill(new Dictionary<string, string>
                {
                    ["round"] = round.ToString(CultureInfo.InvariantCulture),
                    ["maxRounds"] = _options.MaxRounds.ToString(CultureInfo.InvariantCulture),
                    ["found"] = string.Join('\n', found.Select(line => $"- {line}")),
                })));
                continue;
            }

            repairErrors.AddRange(errors.Select(error => $"attempt {answers}: {error}"));
            if (repairs == _options.MaxRepairs)
            {
                return accepted is not null
                    ? Result(accepted, false, $"round {round}'s document was rejected {repairs + 1} times; round {round - 1}'s accepted document stands")
                    : Result(input.Fallback, true, $"the model's document was rejected {repairs + 1} times; the deterministic planner's document is used");
            }

            repairs++;
            messages.Add(new ChatMessage(ChatRole.User, prompts.ArchitectRepair.Fill(new Dictionary<string, string>
            {
                ["attempt"] = repairs.ToString(CultureInfo.InvariantCulture),
                ["maxAttempts"] = _options.MaxRepairs.ToString(CultureInfo.InvariantCulture),
                ["errors"] = string.Join('\n', errors.Take(MaxErrorsHandedBack).Select(error => $"- {error}")),
            })));
        }

        ArchitectResult Result(TodoDocument document, bool usedFallback, string? reason) => new()
        {
            Document = document,
            UsedFallback = usedFallback,
            Attempts = answers,
            Rounds = round,
            RepairErrors = repairErrors,
            FallbackReason = reason,
            TokenUsage = tally.Snapshot(),
            ToolCalls = tools.Log.Counts,
        };
    }

    /// <summary>The document when the answer passes every check, else the errors to hand back.</summary>
    private static async Task<(TodoDocument? Document, IReadOnlyList<ValidationError> Errors)> CheckAsync(
        string answer, ArchitectInput input, IArchitectToolbox tools, string brief, ValidationContext validation, CancellationToken cancellationToken)
    {
        var json = WithoutFence(answer);
        var schemaErrors = TodoSchema.Evaluate(json);
        if (schemaErrors.Count > 0)
        {
            return (null, schemaErrors);
        }

        TodoDocument document;
        try
        {
            document = TodoJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            return (null, [new ValidationError("document", $"not a TODO document: {e.Message}")]);
        }

        document = document with { Context = MeasuredContext(document.Context, input) };
        var result = await new TodoValidator().ValidateAsync(document, validation, cancellationToken).ConfigureAwait(false);
        var errors = result.Errors
            .Concat(tools.Ground(document, Measured(input, tools.Log, brief)))
            .Distinct()
            .ToList();
        return errors.Count == 0 ? (document, []) : (null, errors);
    }

    /// <summary>
    /// The context keeps what was measured (engine, source, volumes, ER diagram, data dictionary)
    /// from the deterministic stages and takes the model's judgement (overview, pain points, the
    /// workload's shape) where it gave one. The generator line names who wrote the plan; that is
    /// ours to say, not the model's.
    /// </summary>
    private static TodoContext MeasuredContext(TodoContext model, ArchitectInput input) => input.Fallback.Context with
    {
        Generator = input.Generator,
        SchemaOverview = model.SchemaOverview.Length > 0 ? model.SchemaOverview : input.Fallback.Context.SchemaOverview,
        PainPoints = model.PainPoints.Count > 0 ? model.PainPoints : input.Fallback.Context.PainPoints,
        Workload = model.Workload.Count > 0 ? model.Workload : input.Fallback.Context.Workload,
    };

    private static MeasuredNumbers Measured(ArchitectInput input, ToolLog log, string brief)
    {
        var measured = new MeasuredNumbers();
        measured.AddFrom(brief);
        foreach (var evidence in input.Findings.SelectMany(f => f.Evidence))
        {
            measured.AddFrom(evidence.Value);
        }

        foreach (var result in log.Results)
        {
            measured.AddFrom(result);
        }

        return measured;
    }

    /// <summary>Models asked for JSON still sometimes wrap it in a Markdown fence.</summary>
    private static string WithoutFence(string answer)
    {
        var text = answer.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        var closing = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && closing > firstLine ? text[(firstLine + 1)..closing].Trim() : text;
    }

    private string Secret(string text) => _options.Secrets?.Redact(text) ?? text;
}
