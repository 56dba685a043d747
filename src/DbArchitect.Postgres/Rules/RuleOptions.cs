using System.ComponentModel.DataAnnotations;

namespace DbArchitect.Postgres.Rules;

/// <summary>Thresholds the rules use. Defaults follow common practice among PostgreSQL tools.</summary>
public sealed class RuleOptions
{
    /// <summary>Tables with at least this many rows are "large". Default 100,000.</summary>
    [Range(1, long.MaxValue)]
    public long LargeTableRows { get; set; } = 100_000;

    /// <summary>Minimum days of statistics before an index may be called unused. Default 7.</summary>
    [Range(0, 3650)]
    public int UnusedIndexMinStatsAgeDays { get; set; } = 7;

    /// <summary>Sequence or key usage (percent of the type's range) at which to warn. Default 50.</summary>
    [Range(1, 100)]
    public double SequenceWarnPercent { get; set; } = 50;

    /// <summary>Dead tuples as a fraction of live tuples at which a table counts as bloated. Default 0.2.</summary>
    [Range(0.0, 100.0)]
    public double DeadTupleRatio { get; set; } = 0.2;

    /// <summary>Minimum dead tuples before dead-tuple ratio matters. Default 10,000.</summary>
    [Range(0, long.MaxValue)]
    public long DeadTupleMinimum { get; set; } = 10_000;

    /// <summary>Days after which statistics count as stale. Default 7.</summary>
    [Range(1, 3650)]
    public int StaleAnalyzeDays { get; set; } = 7;

    /// <summary>Rows sampled per table for the normalisation checks, and per candidate column for the copied-column check. Default 2,000.</summary>
    [Range(10, 1_000_000)]
    public int SampleRows { get; set; } = 2_000;

    /// <summary>
    /// A text column is called enum-like only on a table with at least this many rows: a few values
    /// in a small table are as likely free text that has not varied yet. Default 10,000.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long EnumLikeMinimumRows { get; set; } = 10_000;

    /// <summary>
    /// Days of partitions a range-partitioned table must have ahead on its time key: within this
    /// many days of the last upper bound, with no DEFAULT partition, it is reported before inserts
    /// start to fail. Default 28, so that a monthly job has one run to notice.
    /// </summary>
    [Range(1, 3650)]
    public int PartitionRunwayDays { get; set; } = 28;

    /// <summary>
    /// The role the application connects as, which the security rules judge (superuser, owner of
    /// its tables…). Default null (or empty): the role analyze connects as (current_user). Name it
    /// when analyze connects as an administrator rather than as the application; a role the server
    /// does not know leaves those rules quiet.
    /// </summary>
    public string? ApplicationRole { get; set; }
}
