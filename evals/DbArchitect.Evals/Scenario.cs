using System.Text.RegularExpressions;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Evals;

/// <summary>
/// One folder under <c>evals/scenarios</c>: <c>schema.sql</c> (schema and generated data),
/// optional <c>workload.sql</c> (handed to analyze as its workload file and executed a few times),
/// optional <c>traffic.sql</c> (executed only, so pg_stat_statements sees an application's calls),
/// <c>expected.json</c> and, for model mode, <c>model.json</c> (the model's recorded answers).
/// </summary>
internal sealed partial record Scenario
{
    public required string Name { get; init; }
    public required string Directory { get; init; }
    public required string SchemaSql { get; init; }
    public string? WorkloadPath { get; init; }
    public IReadOnlyList<WorkloadStatement> Workload { get; init; } = [];
    public IReadOnlyList<WorkloadStatement> Traffic { get; init; } = [];
    public required ScenarioExpectation Expectation { get; init; }

    /// <summary>The model's recorded answers for model mode, beside expected.json.</summary>
    public const string RecordingFile = "model.json";

    public string RecordingPath => Path.Combine(Directory, RecordingFile);

    public static async Task<Scenario> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var workloadPath = Path.Combine(directory, "workload.sql");
        var trafficPath = Path.Combine(directory, "traffic.sql");
        var scenario = new Scenario
        {
            Name = Path.GetFileName(directory),
            Directory = directory,
            SchemaSql = await File.ReadAllTextAsync(Path.Combine(directory, "schema.sql"), cancellationToken).ConfigureAwait(false),
            WorkloadPath = File.Exists(workloadPath) ? workloadPath : null,
            Workload = File.Exists(workloadPath) ? await WorkloadFile.ReadAsync(workloadPath, cancellationToken).ConfigureAwait(false) : [],
            Traffic = File.Exists(trafficPath) ? await WorkloadFile.ReadAsync(trafficPath, cancellationToken).ConfigureAwait(false) : [],
            Expectation = await ScenarioExpectation.ReadAsync(Path.Combine(directory, "expected.json"), cancellationToken).ConfigureAwait(false),
        };

        // Resolved at load time, so a bad {statement:N} stops the run before any server starts.
        return scenario with { ExpectedKeys = scenario.Keys(scenario.Expectation.Expected), ForbiddenKeys = scenario.Keys(scenario.Expectation.Forbidden) };
    }

    /// <summary>Finding keys of <see cref="ScenarioExpectation.Expected"/>, placeholders resolved.</summary>
    public IReadOnlySet<string> ExpectedKeys { get; private init; } = new HashSet<string>();

    public IReadOnlySet<string> ForbiddenKeys { get; private init; } = new HashSet<string>();

    private HashSet<string> Keys(IEnumerable<ExpectedFinding> findings) =>
        findings.Select(f => $"{f.Rule}:{StatementPlaceholder().Replace(f.Subject, m => StatementId(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))}")
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The fingerprint plan insights key their findings by, computed by the insights' own context.</summary>
    private string StatementId(int number)
    {
        if (number < 1 || number > Workload.Count)
        {
            throw new InvalidDataException($"scenario {Name}: {{statement:{number}}} but workload.sql has {Workload.Count} statements");
        }

        var result = new ExplainResult { Statement = Workload[number - 1].Text, Plan = new PlanNode { NodeType = "Result" }, Analyzed = false, RawJson = "" };
        return new PlanInsightContext { Result = result }.StatementId;
    }

    [GeneratedRegex(@"\{statement:(\d+)\}")]
    private static partial Regex StatementPlaceholder();
}
