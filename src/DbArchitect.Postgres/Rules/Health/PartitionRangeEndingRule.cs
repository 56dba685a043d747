using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// A table range-partitioned on a date or timestamp whose last partition ends soon and that has
/// no DEFAULT partition: from that bound on every insert fails with "no partition of relation
/// found for row". Partitions are usually created ahead by a job; this catches the job that stopped.
/// </summary>
public sealed partial class PartitionRangeEndingRule : ISchemaRule
{
    // Enough to catch up on a bound long past without writing years of partitions into one remedy.
    private const int MaxNewPartitions = 24;

    private static readonly HashSet<string> TimeTypes = new(StringComparer.Ordinal) { "date", "timestamp", "timestamptz" };

    public string Id => "partition-range-ending";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var horizon = facts.Now.AddDays(facts.Options.PartitionRunwayDays);
        foreach (var table in facts.Snapshot.Tables.Where(t => t.PartitionStrategy == PartitionStrategy.Range))
        {
            if (TimeKey(lookup, table) is not { } key)
            {
                continue;
            }

            var partitions = lookup.PartitionsOf(table).ToList();
            var bounds = partitions.Select(p => (Partition: p, Bound: TimeRangeBound.Parse(p.PartitionBound))).ToList();
            // A DEFAULT partition takes the rows past the bound, and an unbounded or unreadable one leaves nothing to predict.
            if (bounds.Count == 0 || bounds.Any(b => b.Bound is not { To: not null }))
            {
                continue;
            }

            var last = bounds.MaxBy(b => b.Bound!.To!.Value);
            if (last.Bound!.To!.Value > horizon)
            {
                continue;
            }

            yield return Report(facts, lookup, table, key, last.Partition, last.Bound, horizon);
        }
    }

    /// <summary>The key column when the key is one plain column of a date or timestamp type.</summary>
    private static ColumnInfo? TimeKey(CatalogLookup lookup, TableInfo table) =>
        table.PartitionKey is { } key && PlainRangeKey().Match(key) is { Success: true } match
            ? lookup.ColumnsOf(table).FirstOrDefault(c => c.Name == Unquote(match.Groups["column"].Value) && TimeTypes.Contains(c.TypeName))
            : null;

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    private Finding Report(AnalysisFacts facts, CatalogLookup lookup, TableInfo table, ColumnInfo key, TableInfo lastPartition, TimeRangeBound last, DateTimeOffset horizon)
    {
        var end = last.To!.Value;
        var passed = end <= facts.Now;
        var next = NextPartitions(table, key, last, horizon);
        var leaves = lookup.LeafPartitionsOf(table).ToList();
        var days = Math.Max(StatisticsWindow.AgeDays(facts), 1.0 / 24);
        var perDay = leaves.Sum(l => l.Inserts) / days;
        var endText = Literal(key, end);
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = passed ? Severity.High : Severity,
            Area = Area,
            Title = passed
                ? $"{table.QualifiedName} has no partition for {key.Name} from {endText} on: inserts of current rows fail"
                : $"{table.QualifiedName} runs out of partitions at {endText} ({MeasureText.Days((end - facts.Now).TotalDays)} away)",
            Rationale = $"{table.QualifiedName} is range-partitioned on {key.Name} with no DEFAULT partition, so a row whose {key.Name} is at or after {endText} has nowhere to go " +
                $"and its INSERT fails. At the insert rate since statistics began, about {MeasureText.Count(Math.Round(perDay))} rows a day are at stake.",
            Evidence =
            [
                new Evidence("last partition", $"{lastPartition.QualifiedName} {lastPartition.PartitionBound}"),
                new Evidence("upper bound", endText),
                new Evidence("runway", passed ? $"passed {MeasureText.Days((facts.Now - end).TotalDays)} ago" : MeasureText.Days((end - facts.Now).TotalDays)),
                new Evidence("inserts per day across partitions", $"{MeasureText.Count(Math.Round(perDay))} (since {MeasureText.Date(StatisticsWindow.Since(facts))})"),
                new Evidence("partitions", MeasureText.Count(leaves.Count)),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.SchemaChange,
                Strategy = MigrationStrategy.Standard,
                Up = string.Join("\n", next.Select(p => $"CREATE TABLE {p.Name} PARTITION OF {table.QualifiedName} FOR VALUES FROM ({SqlIdentifier.Literal(Literal(key, p.From))}) TO ({SqlIdentifier.Literal(Literal(key, p.To))});")),
                Down = string.Join("\n", next.AsEnumerable().Reverse().Select(p => $"DROP TABLE IF EXISTS {p.Name};")),
                Creates = [.. next.Select(p => p.Name)],
                PerformanceImpact = $"Rows up to {Literal(key, next[^1].To)} have a partition. Each CREATE TABLE ... PARTITION OF briefly locks {table.QualifiedName} against reads and writes; " +
                    "keep creating partitions ahead with a scheduled job (pg_partman, pg_cron), or add a DEFAULT partition as a safety net (it must stay empty for later partitions to be created without a scan).",
                Testing = $"SELECT max(pg_get_expr(c.relpartbound, c.oid)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = {SqlIdentifier.Literal(table.QualifiedName)}::regclass " +
                    $"shows a bound past {Literal(key, horizon)}; an INSERT with {key.Name} = {SqlIdentifier.Literal(endText)} inside a rolled-back transaction succeeds.",
            },
        };
    }

    /// <summary>Partitions of the last one's width (whole months when it spans whole months) from its bound past the horizon.</summary>
    private static List<(string Name, DateTimeOffset From, DateTimeOffset To)> NextPartitions(TableInfo table, ColumnInfo key, TimeRangeBound last, DateTimeOffset horizon)
    {
        var end = last.To!.Value;
        var start = last.From ?? end.AddMonths(-1);
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        // Calendar months (which differ in length) only for partitions that start on the first of a month.
        var monthly = months > 0 && start.Day == 1 && start.TimeOfDay == TimeSpan.Zero && start.AddMonths(months) == end;
        var width = end - start;
        var format = monthly ? (months % 12 == 0 ? "yyyy" : "yyyy_MM") : width.TotalDays >= 1 && width.Ticks % TimeSpan.TicksPerDay == 0 ? "yyyy_MM_dd" : "yyyy_MM_dd_HHmm";
        var next = new List<(string, DateTimeOffset, DateTimeOffset)>();
        for (var from = end; next.Count == 0 || (from <= horizon && next.Count < MaxNewPartitions);)
        {
            var to = monthly ? from.AddMonths(months) : from + width;
            next.Add((SqlIdentifier.Qualify(table.Schema, ObjectNames.Derive(table.Name, from.ToString(format, CultureInfo.InvariantCulture))), from, to));
            from = to;
        }

        return next;
    }

    /// <summary>The bound as a literal of the key's type; timestamptz keeps the offset it was read with.</summary>
    private static string Literal(ColumnInfo key, DateTimeOffset value) => key.TypeName switch
    {
        "date" => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "timestamp" => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => value.ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^RANGE \((?<column>"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\)$""", RegexOptions.CultureInvariant)]
    private static partial Regex PlainRangeKey();
}
