using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbArchitect.Evals;

/// <summary>The whole evaluation as it is written with <c>--json</c>.</summary>
internal sealed record EvalReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public const string ModelNotRun = "not run";

    public string Mode { get; init; } = "deterministic";

    /// <summary>Model mode with recorded responses is not built yet.</summary>
    public string Model { get; init; } = ModelNotRun;

    public required long LargeTableRows { get; init; }
    public required string Exclusions { get; init; }
    public required IReadOnlyList<FamilyReport> Families { get; init; }
    public required FamilyReport Total { get; init; }
    public required int TodoValid { get; init; }
    public required int TodoInvalid { get; init; }

    /// <summary>Repair rounds; always 0 in deterministic mode, which has no model to repair.</summary>
    public int Repairs { get; init; }

    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    public static EvalReport From(IReadOnlyList<ScenarioGrade> grades)
    {
        var families = RuleFamilies.InOrder.Select(family => FamilyReport.From(FamilyScore.Sum(family, grades.Select(g => g.ScoreOf(family))))).ToList();
        return new EvalReport
        {
            LargeTableRows = ScenarioRunner.LargeTableRows,
            Exclusions = ExclusionNote,
            Families = families,
            Total = FamilyReport.From(new FamilyScore("Total", families.Sum(f => f.TruePositives), families.Sum(f => f.FalsePositives), families.Sum(f => f.FalseNegatives))),
            TodoValid = grades.Count(g => g.Run.TodoValid),
            TodoInvalid = grades.Count(g => !g.Run.TodoValid),
            Scenarios = [.. grades.Select(ScenarioReport.From)],
        };
    }

    public const string ExclusionNote =
        "Configuration findings about the server's settings (no table named) are not graded in any scenario: the scratch server is not what is being evaluated. Table-level Configuration findings (autovacuum off for a table) are graded.";

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken).ConfigureAwait(false);
    }
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
    public bool Failed { get; init; }
    public string? Error { get; init; }
    public int Repairs { get; init; }
    public string Model { get; init; } = EvalReport.ModelNotRun;
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
        Failed = grade.Run.Failed,
        Error = grade.Run.Error,
        TruePositives = grade.TruePositives,
        FalsePositives = grade.FalsePositives,
        FalseNegatives = grade.FalseNegatives,
        ForbiddenReported = grade.ForbiddenReported,
        Excluded = grade.Excluded,
    };
}
