using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// A sequence that does not feed a primary key (those are the key-exhaustion rule's) and has used
/// much of its range: when it runs out, every nextval() fails.
/// </summary>
public sealed class SequenceNearExhaustionRule : ISchemaRule
{
    private const double HighPercent = 80;
    private const double CriticalPercent = 95;

    public const string RuleId = "sequence-near-exhaustion";

    public string Id => RuleId;
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var sequence in facts.Snapshot.Sequences.Where(s => !s.Cycles && s.LastValue is not null && s.Increment != 0 && !lookup.FeedsPrimaryKey(s)))
        {
            var percent = PercentUsed(sequence);
            if (percent >= facts.Options.SequenceWarnPercent)
            {
                yield return Report(facts, sequence, percent);
            }
        }
    }

    private static double PercentUsed(SequenceInfo sequence)
    {
        double range = (double)sequence.MaxValue - sequence.MinValue;
        double used = sequence.Increment > 0 ? (double)sequence.LastValue!.Value - sequence.MinValue : (double)sequence.MaxValue - sequence.LastValue!.Value;
        return range <= 0 ? 100 : used / range * 100;
    }

    private Finding Report(AnalysisFacts facts, SequenceInfo sequence, double percent)
    {
        var name = SqlIdentifier.Qualify(sequence.Schema, sequence.Name);
        var remaining = (sequence.Increment > 0 ? (double)sequence.MaxValue - sequence.LastValue!.Value : (double)sequence.LastValue!.Value - sequence.MinValue) / Math.Abs(sequence.Increment);
        var owner = sequence.OwnedByTable is null ? null : facts.Snapshot.Tables.FirstOrDefault(t => t.Schema == sequence.OwnedBySchema && t.Name == sequence.OwnedByTable);
        var ownerText = owner is null ? "not owned by a column" : $"{owner.QualifiedName}.{SqlIdentifier.Quote(sequence.OwnedByColumn!)}";

        List<Evidence> evidence =
        [
            new Evidence("last value", MeasureText.Count(sequence.LastValue!.Value)),
            new Evidence("maximum", $"{MeasureText.Count(sequence.Increment > 0 ? sequence.MaxValue : sequence.MinValue)} ({sequence.DataType})"),
            new Evidence("range used", $"{percent:0.##}%"),
            new Evidence("values left", MeasureText.Count(remaining)),
            new Evidence("owned by", ownerText),
        ];
        if (DaysLeft(facts, owner, remaining) is { } days)
        {
            evidence.Add(new Evidence("days left at the insert rate since statistics began", MeasureText.Days(days)));
        }

        return new Finding
        {
            RuleId = Id,
            Subject = name,
            Severity = percent >= CriticalPercent ? Severity.Critical : percent >= HighPercent ? Severity.High : Severity,
            Area = Area,
            Title = $"Sequence {name} has used {percent:0.#}% of its {sequence.DataType} range",
            Rationale = "When a sequence reaches its limit, nextval() fails and every insert that needs a value fails with it. " +
                (owner is null ? "" : $"The column it feeds must be able to hold the larger values too (ALTER COLUMN ... TYPE bigint rewrites {owner.QualifiedName}; plan it separately)."),
            Evidence = evidence,
            Tables = owner is null ? [] : [owner.QualifiedName],
            Remedy = sequence.DataType == "bigint" ? null : Widen(sequence, name),
        };
    }

    private static Remedy Widen(SequenceInfo sequence, string name) => new()
    {
        Kind = ChangeKind.SchemaChange,
        Strategy = MigrationStrategy.Standard,
        Up = $"ALTER SEQUENCE {name} AS bigint MAXVALUE 9223372036854775807;",
        Down = $"ALTER SEQUENCE {name} AS {sequence.DataType} MAXVALUE {sequence.MaxValue};",
        PerformanceImpact = "Catalog-only change, instant.",
        Testing = $"SELECT data_type, max_value FROM pg_sequences WHERE schemaname = {SqlIdentifier.Literal(sequence.Schema)} AND sequencename = {SqlIdentifier.Literal(sequence.Name)} shows bigint.",
    };

    private static double? DaysLeft(AnalysisFacts facts, TableInfo? owner, double remaining)
    {
        var window = StatisticsWindow.AgeDays(facts);
        if (owner is null || owner.Inserts <= 0 || window <= 0)
        {
            return null;
        }

        return remaining / (owner.Inserts / window);
    }
}
