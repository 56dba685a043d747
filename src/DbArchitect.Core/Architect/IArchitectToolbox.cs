using DbArchitect.Core.Todo;
using DbArchitect.Core.Tools;
using DbArchitect.Core.Validation;
using Microsoft.Extensions.AI;

namespace DbArchitect.Core.Architect;

/// <summary>
/// The engine's tools for one model conversation, and the checks that tie the model's document to
/// what those tools measured: objects it names exist, indexes it adds were costed with a gain,
/// rewrites it proposes were accepted.
/// </summary>
public interface IArchitectToolbox
{
    IReadOnlyList<AIFunction> Functions { get; }

    /// <summary>Every answer the tools gave, in order.</summary>
    ToolLog Log { get; }

    /// <summary>What the tools accepted in this conversation (an index that made the workload cheaper, a rewrite the data confirmed).</summary>
    RoundGains Gains { get; }

    /// <summary>Workload ids (W1, W2…) and their text with literals masked, as the model may refer to them.</summary>
    IReadOnlyList<(string Id, string Statement)> Workload { get; }

    /// <summary>Prose (a finding's title) with the workload's literals masked.</summary>
    string Redact(string prose);

    /// <summary>The engine's grounding errors for a document that already passed the validator, worded for the repair prompt.</summary>
    IReadOnlyList<ValidationError> Ground(TodoDocument document, MeasuredNumbers measured);
}
