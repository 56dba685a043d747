using DbArchitect.Core.Findings;

namespace DbArchitect.Evals;

/// <summary>
/// One scenario's findings against its expected.json. Configuration findings about the server
/// (settings, not tables) are left out: the scratch server is not what is being evaluated.
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

    public static ScenarioGrade Of(ScenarioRun run)
    {
        var expected = run.Scenario.ExpectedKeys;
        var (graded, excluded) = Split(run.Findings);
        var reported = graded.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
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
