using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// Fewer than 99% of block requests served from shared buffers, once there is enough traffic for
/// the ratio to mean something: the working set does not fit in memory.
/// </summary>
public sealed class CacheHitRateRule : ISchemaRule
{
    private const double TargetHitRate = 0.99;
    private const double PoorHitRate = 0.90;
    private const long MinimumBlockRequests = 100_000;

    public string Id => "cache-hit-rate-low";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var server = facts.Snapshot.Server;
        var requests = server.BlocksHit + server.BlocksRead;
        if (requests < MinimumBlockRequests)
        {
            return [];
        }

        var hitRate = (double)server.BlocksHit / requests;
        if (hitRate >= TargetHitRate)
        {
            return [];
        }

        var sharedBuffers = facts.Snapshot.SettingBytes("shared_buffers");
        var proposal = ProposedSharedBuffers(sharedBuffers, server.DatabaseSizeBytes);
        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = DatabaseSubject.Of(facts),
                Severity = hitRate < PoorHitRate ? Severity.High : Severity,
                Area = Area,
                Title = $"Buffer cache hit rate is {MeasureText.Percent(hitRate)} (target 99%)",
                Rationale = "Every miss is a read from the operating system cache or disk. A low hit rate means the hot data does not fit in " +
                    "shared_buffers, or that large sequential scans (often a missing index) push it out.",
                Evidence =
                [
                    new Evidence("blocks hit", MeasureText.Count(server.BlocksHit)),
                    new Evidence("blocks read", MeasureText.Count(server.BlocksRead)),
                    new Evidence("hit rate", MeasureText.Percent(hitRate)),
                    new Evidence("shared_buffers", sharedBuffers is { } bytes ? MeasureText.Bytes(bytes) : "unknown"),
                    new Evidence("database size", MeasureText.Bytes(server.DatabaseSizeBytes)),
                ],
                Remedy = SystemSettingRemedy.Create(
                    "shared_buffers",
                    proposal,
                    needsRestart: true,
                    "More of the working set stays in memory; keep shared_buffers near 25% of the server's RAM. Check missing-index findings first."),
            },
        ];
    }

    /// <summary>Double the current size, capped at the database size and 8 GB, in whole megabytes.</summary>
    private static string ProposedSharedBuffers(long? current, long databaseBytes)
    {
        const long megabyte = 1024 * 1024;
        var doubled = Math.Max(current ?? 128 * megabyte, 128 * megabyte) * 2;
        var proposed = Math.Min(doubled, Math.Max(Math.Min(databaseBytes, 8192 * megabyte), 256 * megabyte));
        return $"{proposed / megabyte}MB";
    }
}
