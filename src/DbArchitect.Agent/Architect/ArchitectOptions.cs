using System.ComponentModel.DataAnnotations;
using DbArchitect.Agent.Model;
using DbArchitect.Core.Redaction;

namespace DbArchitect.Agent.Architect;

/// <summary>How the model architect runs.</summary>
public sealed record ArchitectOptions
{
    /// <summary>Repair rounds after the first answer before falling back to the deterministic plan. Default 2.</summary>
    [Range(0, 10)]
    public int MaxRepairs { get; init; } = 2;

    /// <summary>Costing rounds at most: a round whose tool calls accepted an index or rewrite earns another. Default 3.</summary>
    [Range(1, 10)]
    public int MaxRounds { get; init; } = 3;

    /// <summary>Replace constants of statements and plans before the model sees them. Default true.</summary>
    public bool RedactLiterals { get; init; } = true;

    /// <summary>The run's secrets, masked out of the brief and tool results; null when the client pipeline alone does it.</summary>
    public SecretRedactor? Secrets { get; init; }
}
