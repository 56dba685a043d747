using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>A sort or hash that did not fit in work_mem and spilled to disk.</summary>
public sealed class SpillToDiskInsight : IPlanInsight
{
    public const string InsightId = "spill-to-disk";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf())
        {
            long neededKb;
            string what;
            if (node.NodeType is "Sort" or "Incremental Sort" && node.SortSpaceType == "Disk" && node.SortSpaceUsedKb is { } sortKb)
            {
                // An external sort's disk use understates its in-memory need; double it.
                neededKb = sortKb * 2;
                what = FormattableString.Invariant($"sort ({node.SortMethod}) wrote {sortKb:N0} kB to disk");
            }
            else if (node.NodeType == "Hash" && node.HashBatches is > 1 && node.PeakMemoryUsageKb is { } peakKb)
            {
                neededKb = peakKb * node.HashBatches.Value;
                what = FormattableString.Invariant($"hash split into {node.HashBatches} batches (peak {peakKb:N0} kB each)");
            }
            else
            {
                continue;
            }

            var megabytes = NextPowerOfTwo(Math.Max(4, (neededKb + 1023) / 1024));
            yield return new Finding
            {
                RuleId = Id,
                Subject = $"{context.StatementId}/{node.NodeType.ToLowerInvariant().Replace(' ', '-')}",
                Severity = Severity.Medium,
                Area = FindingArea.PerformanceTuning,
                Title = FormattableString.Invariant($"{node.NodeType} spills to disk; about {megabytes} MB of work_mem would keep it in memory"),
                Rationale = "Operations that exceed work_mem write temporary files and run many times slower. Raise work_mem for the role or session that runs this statement rather than globally: each sort or hash in each connection may use that much.",
                Evidence = [PlanFindings.Statement(context), new("spill", what)],
                Remedy = new Remedy
                {
                    Kind = ChangeKind.Configuration,
                    Strategy = MigrationStrategy.Configuration,
                    Up = FormattableString.Invariant($"ALTER ROLE CURRENT_USER SET work_mem = '{megabytes}MB';"),
                    Down = "ALTER ROLE CURRENT_USER RESET work_mem;",
                    Testing = "Reconnect and re-run `dbarch explain --analyze`: the sort should report \"Memory\" and the hash one batch.",
                    PerformanceImpact = "Faster sorts and hashes for this role; more memory per operation under concurrency.",
                },
            };
        }
    }

    private static long NextPowerOfTwo(long value)
    {
        long result = 1;
        while (result < value)
        {
            result <<= 1;
        }

        return result;
    }
}
