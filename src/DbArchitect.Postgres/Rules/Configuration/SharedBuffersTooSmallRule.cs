using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Configuration;

/// <summary>
/// shared_buffers left at the 128 MB default, or a small fraction of the database: PostgreSQL then
/// leans on the operating system cache and evicts hot pages early.
/// </summary>
public sealed class SharedBuffersTooSmallRule : ISchemaRule
{
    private const long Megabyte = 1024 * 1024;
    private const long DefaultBytes = 128 * Megabyte;
    private const long CapBytes = 8192 * Megabyte;

    // The database is "big" for the default once it is eight times larger than the cache.
    private const int DatabaseToCacheRatio = 8;

    public string Id => "shared-buffers-too-small";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (facts.Snapshot.SettingBytes("shared_buffers") is not { } sharedBuffers)
        {
            return [];
        }

        var databaseBytes = facts.Snapshot.Server.DatabaseSizeBytes;
        if (sharedBuffers >= CapBytes || databaseBytes < DatabaseToCacheRatio * sharedBuffers)
        {
            return [];
        }

        var proposed = Math.Min(Math.Max(databaseBytes / 4, 2 * sharedBuffers), CapBytes) / Megabyte * Megabyte;
        var isDefault = sharedBuffers == DefaultBytes;
        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = "shared_buffers",
                Severity = Severity,
                Area = Area,
                Title = isDefault
                    ? $"shared_buffers is the 128 MB default on a {MeasureText.Bytes(databaseBytes)} database"
                    : $"shared_buffers ({MeasureText.Bytes(sharedBuffers)}) is small for a {MeasureText.Bytes(databaseBytes)} database",
                Rationale = "shared_buffers is PostgreSQL's own page cache; the usual starting point is 25% of the server's RAM. " +
                    "The proposal is a quarter of the database size, at most 8 GB: lower it if the server has less than four times that in RAM.",
                Evidence =
                [
                    new Evidence("shared_buffers", MeasureText.Bytes(sharedBuffers)),
                    new Evidence("database size", MeasureText.Bytes(databaseBytes)),
                    new Evidence("proposed", MeasureText.Bytes(proposed)),
                ],
                Remedy = SystemSettingRemedy.Create(
                    "shared_buffers",
                    $"{proposed / Megabyte}MB",
                    needsRestart: true,
                    "More hot pages stay in PostgreSQL's cache; needs a restart and that much shared memory."),
            },
        ];
    }
}
