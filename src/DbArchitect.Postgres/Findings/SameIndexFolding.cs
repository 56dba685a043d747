using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Findings;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Findings;

/// <summary>
/// A schema rule and the index advisor may ask for the same index (a foreign key without one, and
/// the workload's lookups through it). That is one task: the rule's finding keeps its key, and so
/// its TODO ID, and gains the advisor's measurements; the advisor's own finding is dropped. When they
/// ask for the same keys on the same table with different methods (the rule guessed BRIN, the
/// advisor measured a B-tree), the advisor's measured choice stands and the rule's finding goes: two
/// indexes on one column would be one too many.
/// </summary>
public sealed class SameIndexFolding : IFindingStage<AnalysisInput>
{
    public string Name => "one task where a rule and the advisor ask for one index";

    public Task<IReadOnlyList<Finding>> RunAsync(AnalysisInput input, IReadOnlyList<Finding> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(Fold(found, input.Facts.Snapshot));
    }

    public static IReadOnlyList<Finding> Fold(IReadOnlyList<Finding> findings, CatalogSnapshot snapshot)
    {
        var advised = findings.Where(f => f.RuleId == AdvisorFindings.RecommendId && f.Remedy is not null)
            .Select(f => (Finding: f, Index: PlainIndex(f.Remedy!.Up, snapshot)))
            .ToList();
        // Reading a remedy's index resolves its table in the catalog; with no advised index to compare it with, skip it for every finding.
        var compareIndexes = advised.Any(a => a.Index is not null);
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var finding in findings.Where(f => f.RuleId != AdvisorFindings.RecommendId))
        {
            if (finding.Remedy is not { } remedy)
            {
                result.Add(finding);
                continue;
            }

            var index = compareIndexes ? PlainIndex(remedy.Up, snapshot) : null;
            if (index is not null && advised.Any(a => a.Index is { } advice && SameKeys(advice, index) && advice.Method != index.Method))
            {
                continue;
            }

            var same = advised.FirstOrDefault(a => a.Finding.Remedy!.Creates.Intersect(remedy.Creates, StringComparer.Ordinal).Any()
                || (index is not null && a.Index is { } advice && SameKeys(advice, index) && advice.Method == index.Method)).Finding;
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

        result.AddRange(advised.Select(a => a.Finding).Where(a => !folded.Contains(a.Key)));
        return result;
    }

    /// <summary>
    /// The one plain index a remedy creates (unique indexes, which carry a constraint, and partial
    /// ones do not count); null when it creates none or several.
    /// </summary>
    private static IndexCandidate? PlainIndex(string sql, CatalogSnapshot snapshot)
    {
        var indexes = SqlScript.Split(sql)
            .Where(statement => !IsUnique(statement))
            .Select(statement => CreateIndexReader.TryRead(statement, snapshot, out var index, out _) ? index : null)
            .OfType<IndexCandidate>()
            .ToList();
        return indexes is [{ Predicate: null } only] ? only : null;
    }

    private static bool IsUnique(string statement) => statement.TrimStart().StartsWith("CREATE UNIQUE", StringComparison.OrdinalIgnoreCase);

    /// <summary>Table and keys; INCLUDE columns do not make another index of it.</summary>
    private static bool SameKeys(IndexCandidate one, IndexCandidate other) =>
        one.QualifiedTable == other.QualifiedTable && one.Keys.SequenceEqual(other.Keys, StringComparer.Ordinal);
}
