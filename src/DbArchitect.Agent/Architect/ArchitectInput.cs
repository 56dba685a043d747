using DbArchitect.Core.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Architect;

/// <summary>What the model architect works from: the facts the deterministic stages measured, and their plan as the fallback.</summary>
public sealed record ArchitectInput
{
    /// <summary>The engine of this run: its tools, and the catalog and checks the document is held to.</summary>
    public required IArchitectEngine Engine { get; init; }

    /// <summary>Ranked findings, worst first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The deterministic planner's validated document: written instead when the model's never passes.</summary>
    public required TodoDocument Fallback { get; init; }

    /// <summary>The generator line for the model's document, e.g. <c>gpt-4.1 via openai, architect.system v2 (sha256 …)</c>.</summary>
    public required string Generator { get; init; }
}
