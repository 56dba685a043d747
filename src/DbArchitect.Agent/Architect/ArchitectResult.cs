using DbArchitect.Agent.Model;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Architect;

/// <summary>The document to write and how the run got it.</summary>
public sealed record ArchitectResult
{
    /// <summary>The model's validated document, or the deterministic one when <see cref="UsedFallback"/>.</summary>
    public required TodoDocument Document { get; init; }

    public required bool UsedFallback { get; init; }

    /// <summary>Answers the model gave (the first, each repair, each further round).</summary>
    public required int Attempts { get; init; }

    /// <summary>Costing rounds: 1, plus one for each round whose tool calls gained something.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>The errors each rejected answer had, prefixed with its attempt number; empty when the first answer passed.</summary>
    public IReadOnlyList<string> RepairErrors { get; init; } = [];

    /// <summary>Why the deterministic document (or an earlier round's) was used, in one line; null when the last answer stood.</summary>
    public string? FallbackReason { get; init; }

    public required TokenUsage TokenUsage { get; init; }

    /// <summary>Tool calls per tool name.</summary>
    public IReadOnlyDictionary<string, int> ToolCalls { get; init; } = new Dictionary<string, int>();
}
