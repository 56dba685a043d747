using DbArchitect.Core.Findings;

namespace DbArchitect.Evals;

/// <summary>
/// One scenario's findings (deterministic mode) or document items (model mode) against its
/// expected.json. Configuration findings about the server (settings, not tables) are left out:
/// the scratch server is not what is being evaluated.
/// </summary>
internal sealed record ScenarioGrade
{
    public required ScenarioRun Run { get; init; }
    public required IReadOnlyList<string> TruePositives { get; init; }
    public required IReadOnlyList<string> FalsePositives { get; init; }
    public required IReadOnlyList<string> FalseNegatives { get; init; }

    /// <summary>False positives that expected.json names as forbidden: the near misses the scenario was built around.</summary>
    public required IReadOnlyList<string> ForbiddenReported { get; init; }

    /// <summary>Server-setting findings excluded from grading.</summary>
    public required IReadOnlyList<string> Excluded { get; init; }

    /// <param name="run">The scenario's run.</param>
    /// <param name="byDocument">Grade the document's items rather than the findings; model mode always is.</param>
    public static ScenarioGrade Of(ScenarioRun run, bool byDocument = false)
    {
        var expected = run.Scenario.ExpectedKeys;
        var (graded, excluded) = Split(run.Findings);
        var excludedKeys = excluded.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var reported = (byDocument || run.Mode == EvalMode.Model ? run.DocumentKeys ?? [] : graded.Select(f => f.Key)).Where(k => !excludedKeys.Contains(k)).ToHashSet(StringComparer.Ordinal);
        return new ScenarioGrade
        {
            Run = run,
            TruePositives = [.. reported.Where(expected.Contains).Order(StringComparer.Ordinal)],
            FalsePositives = [.. reported.Where(k => !expected.Contains(k)).Order(StringComparer.Ordinal)],
            FalseNegatives = [.. expected.Where(k => !reported.Contains(k)).Order(StringComparer.Ordinal)],
            ForbiddenReported = [.. reported.Where(run.Scenario.ForbiddenKeys.Contains).Order(StringComparer.Ordinal)],
            Excluded = [.. excluded.Select(f => f.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    public FamilyScore ScoreOf(string family) => new(
        family,
        TruePositives.Count(k => FamilyOfKey(k) == family),
        FalsePositives.Count(k => FamilyOfKey(k) == family),
        FalseNegatives.Count(k => FamilyOfKey(k) == family));

    public static string FamilyOfKey(string key) => RuleFamilies.Of(key[..key.IndexOf(':', StringComparison.Ordinal)]);

    private static (List<Finding> Graded, List<Finding> Excluded) Split(IReadOnlyList<Finding> findings)
    {
        var aboutServer = findings.Where(f => RuleFamilies.Of(f.RuleId) == RuleFamilies.Configuration && f.Tables.Count == 0).ToList();
        return ([.. findings.Except(aboutServer)], aboutServer);
    }
}
