using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Workload;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Architect;

/// <summary>What the model architect works from: the facts the deterministic stages measured, and their plan as the fallback.</summary>
public sealed record ArchitectInput
{
    public required CatalogSnapshot Snapshot { get; init; }

    /// <summary>Ranked findings, worst first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The deterministic planner's validated document: written instead when the model's never passes.</summary>
    public required TodoDocument Fallback { get; init; }

    /// <summary>The generator line for the model's document, e.g. <c>gpt-4.1 via openai, architect.system v2 (sha256 …)</c>.</summary>
    public required string Generator { get; init; }

    /// <summary>Workload statements the model may explain and cost indexes against (W1, W2… in order).</summary>
    public IReadOnlyList<WorkloadStatement> Workload { get; init; } = [];

    /// <summary>The read-only target session for <c>explain</c> and <c>cost_index</c>; null leaves those tools out.</summary>
    public TargetSession? Session { get; init; }

    /// <summary>Checks the model's SQL on a scratch copy of the schema; null skips that check.</summary>
    public ISqlChecker? SqlChecker { get; init; }
}
