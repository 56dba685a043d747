using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Analysis;

/// <summary>What to analyse and where the TODO goes.</summary>
public sealed record AnalyzeRequest
{
    /// <summary>Target connection string; null with <see cref="Demo"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Analyse the shipped sample database on a scratch server instead of a target.</summary>
    public bool Demo { get; init; }

    /// <summary>The repository the TODO belongs to; its SQL migrations folder receives the proposed migration files.</summary>
    public string? RepositoryPath { get; init; }

    /// <summary>A <c>.sql</c> workload file whose statements are planned on the target; null for none.</summary>
    public string? WorkloadFile { get; init; }

    /// <summary>Directory that receives TODO_database-architect.md; null when the document goes to stdout as JSON only.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Check every SQL block on a scratch copy of the schema (needs local PostgreSQL binaries).</summary>
    public bool CheckSql { get; init; } = true;

    public RuleOptions Rules { get; init; } = new();
    public TargetSessionOptions Session { get; init; } = new();

    /// <summary>Findings at or above this severity make the run exit with code 1; null never.</summary>
    public Severity? FailOn { get; init; }

    /// <summary>The architect model; null or provider none for the deterministic planner alone.</summary>
    public Model.ModelOptions? Model { get; init; }

    /// <summary>
    /// A ready chat client for the model architect, used instead of building one from
    /// <see cref="Model"/>; it must invoke functions itself, as <see cref="Agent.Model.ChatClientFactory"/>
    /// builds it. The evals replay recorded model answers through it.
    /// </summary>
    public Microsoft.Extensions.AI.IChatClient? ChatClient { get; init; }

    /// <summary>Names <see cref="ChatClient"/> in the TODO's generator line and the progress, e.g. <c>recorded answers (index-hygiene)</c>.</summary>
    public string ChatClientDescription { get; init; } = "a given chat client";

    /// <summary>Where the prompts are (Prompts:Directory); null looks beside the tool and up from the working directory.</summary>
    public string? PromptsDirectory { get; init; }
}
