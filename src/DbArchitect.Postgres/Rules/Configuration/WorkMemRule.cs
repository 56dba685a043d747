using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Configuration;

/// <summary>
/// work_mem at the 4 MB default (sorts and hashes spill to disk early) or so large that a burst of
/// connections, each sorting, can exhaust the server's memory.
/// </summary>
public sealed class WorkMemRule : ISchemaRule
{
    private const long Megabyte = 1024 * 1024;
    private const long DefaultBytes = 4 * Megabyte;
    private const long HugeBytes = 1024 * Megabyte;

    public string Id => "work-mem-unsuited";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.Connections;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (facts.Snapshot.SettingBytes("work_mem") is not { } workMem || workMem is > DefaultBytes and < HugeBytes)
        {
            return [];
        }

        var maxConnections = facts.Snapshot.SettingNumber("max_connections") ?? facts.Snapshot.Activity.MaxConnections;
        var huge = workMem >= HugeBytes;
        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = "work_mem",
                Severity = huge ? Severity.Medium : Severity,
                Area = Area,
                Title = huge
                    ? $"work_mem is {MeasureText.Bytes(workMem)}, risking out-of-memory under concurrency"
                    : $"work_mem is {MeasureText.Bytes(workMem)}, the default: sorts and hashes spill to disk early",
                Rationale = huge
                    ? "work_mem is per sort or hash node per query, not per server: a few concurrent reporting queries can each use several times it. " +
                        "Keep the global value modest and raise it per role or per session for the queries that need it."
                    : "Sorts, hash joins and aggregates larger than work_mem write temporary files. A moderate raise keeps common ones in memory.",
                Evidence =
                [
                    new Evidence("work_mem", MeasureText.Bytes(workMem)),
                    new Evidence("max_connections", MeasureText.Count(maxConnections)),
                    new Evidence("work_mem × max_connections", MeasureText.Bytes(workMem * maxConnections)),
                ],
                Remedy = SystemSettingRemedy.Create(
                    "work_mem",
                    huge ? "64MB" : "16MB",
                    needsRestart: false,
                    huge ? "Caps memory per sort or hash; queries that needed more spill to temporary files." : "Fewer temporary files for sorts and hashes; check temp_files in pg_stat_database afterwards."),
            },
        ];
    }
}
