using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// A schema rule and the index advisor may ask for the same index (a foreign key without one, and
/// the workload's lookups through it). That is one task: the rule's finding keeps its key, and so
/// its TODO ID, and gains the advisor's measurements; the advisor's own finding is dropped. When they
/// ask for the same keys on the same table with different methods (the rule guessed BRIN, the
/// advisor measured a B-tree), the advisor's measured choice stands and the rule's finding goes: two
/// indexes on one column would be one too many.
/// </summary>
internal static partial class SameIndexFolding
{
    public static IReadOnlyList<Finding> Fold(IReadOnlyList<Finding> findings)
    {
        var advised = findings.Where(f => f.RuleId == AdvisorFindings.RecommendId && f.Remedy is not null).ToList();
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var finding in findings.Where(f => f.RuleId != AdvisorFindings.RecommendId))
        {
            if (finding.Remedy is not { } remedy)
            {
                result.Add(finding);
                continue;
            }

            var shape = Shape(remedy.Up);
            if (shape is not null && advised.Any(a => Shape(a.Remedy!.Up) is { } advice && advice.Keys == shape.Keys && advice.Method != shape.Method))
            {
                continue;
            }

            var same = advised.FirstOrDefault(a => a.Remedy!.Creates.Intersect(remedy.Creates, StringComparer.Ordinal).Any() || (shape is not null && Shape(a.Remedy!.Up) == shape));
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

    /// <summary>The one plain index a remedy creates, as table and keys plus method; null for anything else.</summary>
    private static IndexShape? Shape(string sql)
    {
        var matches = CreateIndex().Matches(sql);
        return matches.Count == 1 && !matches[0].Groups["where"].Success
            ? new IndexShape($"{matches[0].Groups["table"].Value} ({Regex.Replace(matches[0].Groups["keys"].Value, @"\s+", "")})", matches[0].Groups["method"].Success ? matches[0].Groups["method"].Value.ToLowerInvariant() : "btree")
            : null;
    }

    private sealed record IndexShape(string Keys, string Method);

    // The form every rule and the advisor write: CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON table [USING method] (keys) [INCLUDE …] [WHERE …].
    [GeneratedRegex(@"CREATE\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+ON\s+(?<table>\S+)\s+(?:USING\s+(?<method>\w+)\s*)?\((?<keys>[^()]*)\)(?<include>\s+INCLUDE\s*\([^()]*\))?(?<where>\s+WHERE\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateIndex();
}
