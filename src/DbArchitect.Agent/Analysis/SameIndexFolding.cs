using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// A schema rule and the index advisor may ask for the same index (a foreign key without one, and
/// the workload's lookups through it). That is one task: the rule's finding keeps its key, and so
/// its TODO ID, and gains the advisor's measurements; the advisor's own finding is dropped.
/// </summary>
internal static class SameIndexFolding
{
    public static IReadOnlyList<Finding> Fold(IReadOnlyList<Finding> findings)
    {
        var advised = findings.Where(f => f.RuleId == AdvisorFindings.RecommendId && f.Remedy is not null).ToList();
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var finding in findings.Where(f => f.RuleId != AdvisorFindings.RecommendId))
        {
            var same = finding.Remedy is { } remedy ? advised.FirstOrDefault(a => a.Remedy!.Creates.Intersect(remedy.Creates, StringComparer.Ordinal).Any()) : null;
            if (same is null)
            {
                result.Add(finding);
                continue;
            }

            folded.Add(same.Key);
            result.Add(finding with
            {
                Severity = finding.Severity > same.Severity ? finding.Severity : same.Severity,
                Evidence = [.. finding.Evidence, .. same.Evidence],
            });
        }

        result.AddRange(advised.Where(a => !folded.Contains(a.Key)));
        return result;
    }
}
