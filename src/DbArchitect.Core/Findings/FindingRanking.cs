namespace DbArchitect.Core.Findings;

/// <summary>
/// The one order findings are reported in: one per key (the most severe when a key repeats),
/// worst first, then by key so the order — and so every ID derived from it — is stable.
/// </summary>
public static class FindingRanking
{
    public static IReadOnlyList<Finding> Rank(IEnumerable<Finding> findings) =>
        findings
            .GroupBy(finding => finding.Key, StringComparer.Ordinal)
            .Select(group => group.MaxBy(finding => finding.Severity)!)
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.Key, StringComparer.Ordinal)
            .ToList();
}
