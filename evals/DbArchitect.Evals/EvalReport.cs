using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbArchitect.Evals;

/// <summary>The whole evaluation as it is written with <c>--json</c>: one report per mode that ran.</summary>
internal sealed record EvalReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required long LargeTableRows { get; init; }
    public required string Exclusions { get; init; }

    /// <summary>Graded by the findings of the deterministic analysis; null when the mode did not run.</summary>
    public ModeReport? Deterministic { get; init; }

    /// <summary>Graded by the items of the document the model architect wrote from replayed answers; null when the mode did not run.</summary>
    public ModeReport? Model { get; init; }

    public static EvalReport From(IReadOnlyList<ScenarioGrade> grades) => new()
    {
        LargeTableRows = ScenarioRunner.LargeTableRows,
        Exclusions = ExclusionNote,
        Deterministic = ModeReport.From(EvalMode.Deterministic, grades),
        Model = ModeReport.From(EvalMode.Model, grades),
    };

    public const string ExclusionNote =
        "Configuration findings about the server's settings (no table named) are not graded in any scenario: the scratch server is not what is being evaluated. Table-level Configuration findings (autovacuum off for a table) are graded.";

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One mode's family table, its totals, and its scenarios.</summary>
internal sealed record ModeReport
{
    public required string Mode { get; init; }
    public required IReadOnlyList<FamilyReport> Families { get; init; }
    public required FamilyReport Total { get; init; }

    /// <summary>
    /// The same scenarios graded by the finding keys of the written document's items, as model
    /// mode is: in deterministic mode, what the deterministic document would score under model
    /// mode's grading (findings without a remedy have no item).
    /// </summary>
    public required IReadOnlyList<FamilyReport> DocumentFamilies { get; init; }

    public required FamilyReport DocumentTotal { get; init; }

    public required int TodoValid { get; init; }
    public required int TodoInvalid { get; init; }

    /// <summary>Written documents that pass the TODO JSON Schema.</summary>
    public required int SchemaValid { get; init; }

    /// <summary>Model mode: answers beyond the first, over all scenarios; always 0 in deterministic mode, which has no model to repair.</summary>
    public required int Repairs { get; init; }

    /// <summary>Model mode: scenarios where the model's document never passed and the deterministic one was written.</summary>
    public required int Fallbacks { get; init; }

    /// <summary>Model mode: scenarios whose first answer was accepted.</summary>
    public required int FirstAnswerAccepted { get; init; }

    public required long InputTokens { get; init; }
    public required long OutputTokens { get; init; }

    /// <summary>Tool calls per tool over all scenarios.</summary>
    public required IReadOnlyDictionary<string, int> ToolCalls { get; init; }

    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    public static ModeReport? From(EvalMode mode, IReadOnlyList<ScenarioGrade> all)
    {
        var grades = all.Where(g => g.Run.Mode == mode).ToList();
        if (grades.Count == 0)
        {
            return null;
        }

        var families = FamiliesOf(grades);
        var byDocument = FamiliesOf([.. grades.Select(g => ScenarioGrade.Of(g.Run, byDocument: true))]);
        var architects = grades.Select(g => g.Run.Architect).OfType<Agent.Architect.ArchitectResult>().ToList();
        return new ModeReport
        {
            Mode = mode.ToString().ToLowerInvariant(),
            Families = families,
            Total = TotalOf(families),
            DocumentFamilies = byDocument,
            DocumentTotal = TotalOf(byDocument),
            TodoValid = grades.Count(g => g.Run.TodoValid),
            TodoInvalid = grades.Count(g => !g.Run.TodoValid),
            SchemaValid = grades.Count(g => g.Run.SchemaValid == true),
            Repairs = architects.Sum(a => a.Attempts - 1),
            Fallbacks = architects.Count(a => a.UsedFallback),
            FirstAnswerAccepted = architects.Count(a => a is { Attempts: 1, UsedFallback: false }),
            InputTokens = architects.Sum(a => a.TokenUsage.InputTokens),
            OutputTokens = architects.Sum(a => a.TokenUsage.OutputTokens),
            ToolCalls = architects.SelectMany(a => a.ToolCalls).GroupBy(t => t.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Value)),
            Scenarios = [.. grades.Select(ScenarioReport.From)],
        };
    }

    private static List<FamilyReport> FamiliesOf(IReadOnlyList<ScenarioGrade> grades) =>
        [.. RuleFamilies.InOrder.Select(family => FamilyReport.From(FamilyScore.Sum(family, grades.Select(g => g.ScoreOf(family)))))];

    private static FamilyReport TotalOf(IReadOnlyList<FamilyReport> families) =>
        FamilyReport.From(new FamilyScore("Total", families.Sum(f => f.TruePositives), families.Sum(f => f.FalsePositives), families.Sum(f => f.FalseNegatives)));
}

/// <summary>One row of the family table.</summary>
internal sealed record FamilyReport(string Family, int TruePositives, int FalsePositives, int FalseNegatives, double? Precision, double? Recall)
{
    public static FamilyReport From(FamilyScore score) =>
        new(score.Family, score.TruePositives, score.FalsePositives, score.FalseNegatives, score.Precision, score.Recall);
}

/// <summary>One scenario's grade, with the keys behind every count.</summary>
internal sealed record ScenarioReport
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required double Seconds { get; init; }
    public required bool TodoValid { get; init; }
    public bool? SchemaValid { get; init; }
    public bool Failed { get; init; }
    public string? Error { get; init; }

    /// <summary>How the model got its document; null in deterministic mode.</summary>
    public ModelRunReport? Model { get; init; }

    public required IReadOnlyList<string> TruePositives { get; init; }
    public required IReadOnlyList<string> FalsePositives { get; init; }
    public required IReadOnlyList<string> FalseNegatives { get; init; }
    public required IReadOnlyList<string> ForbiddenReported { get; init; }
    public required IReadOnlyList<string> Excluded { get; init; }

    public static ScenarioReport From(ScenarioGrade grade) => new()
    {
        Name = grade.Run.Scenario.Name,
        Description = grade.Run.Scenario.Expectation.Description,
        Seconds = Math.Round(grade.Run.Elapsed.TotalSeconds, 1),
        TodoValid = grade.Run.TodoValid,
        SchemaValid = grade.Run.SchemaValid,
        Failed = grade.Run.Failed,
        Error = grade.Run.Error,
        Model = ModelRunReport.From(grade.Run),
        TruePositives = grade.TruePositives,
        FalsePositives = grade.FalsePositives,
        FalseNegatives = grade.FalseNegatives,
        ForbiddenReported = grade.ForbiddenReported,
        Excluded = grade.Excluded,
    };
}

/// <summary>The model architect's side of one scenario: answers, repairs, fallback, tokens and tool calls.</summary>
internal sealed record ModelRunReport
{
    public required int Answers { get; init; }
    public required int Repairs { get; init; }
    public required bool UsedFallback { get; init; }
    public string? FallbackReason { get; init; }
    public required IReadOnlyList<string> RepairErrors { get; init; }
    public required long InputTokens { get; init; }
    public required long OutputTokens { get; init; }

    /// <summary>Model responses, each tool round trip counted.</summary>
    public required int Calls { get; init; }

    public required IReadOnlyDictionary<string, int> ToolCalls { get; init; }

    /// <summary>Recorded turns the run did not ask for.</summary>
    public required int TurnsLeft { get; init; }

    public static ModelRunReport? From(ScenarioRun run) => run.Architect is not { } architect ? null : new ModelRunReport
    {
        Answers = architect.Attempts,
        Repairs = architect.Attempts - 1,
        UsedFallback = architect.UsedFallback,
        FallbackReason = architect.FallbackReason,
        RepairErrors = architect.RepairErrors,
        InputTokens = architect.TokenUsage.InputTokens,
        OutputTokens = architect.TokenUsage.OutputTokens,
        Calls = architect.TokenUsage.Calls,
        ToolCalls = architect.ToolCalls,
        TurnsLeft = run.TurnsLeft,
    };
}
