using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Types;

/// <summary>
/// A text column whose statistics show a handful of values covering every row is a closed set in
/// disguise (status, kind, currency). Without a CHECK, an enum or a lookup table, any typo is
/// stored forever. The CHECK is proposed from the values PostgreSQL itself counted, only where
/// the table is large enough for a few values to mean a closed set and every value looks like a code.
/// </summary>
public sealed partial class EnumLikeTextRule : ISchemaRule
{
    private const int MaximumDistinct = 12;

    // The most common values must account for every sampled row, otherwise rarer values exist that a CHECK would reject.
    private const double MinimumCoverage = 0.999;

    private static readonly HashSet<string> TextTypes = new(StringComparer.Ordinal) { "text", "varchar", "bpchar" };

    public string Id => "enum-like-text-without-check";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.KeysAndConstraints | QaStatement.DataTypes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables.Where(t => t.EstimatedRows >= facts.Options.EnumLikeMinimumRows))
        {
            var constrained = lookup.ConstraintsOf(table)
                .Where(c => c.Kind is ConstraintKind.Check or ConstraintKind.ForeignKey or ConstraintKind.PrimaryKey or ConstraintKind.Unique)
                .SelectMany(c => c.Columns)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var column in lookup.ColumnsOf(table).Where(c => TextTypes.Contains(c.TypeName) && c.TypeKind == "b" && !constrained.Contains(c.Name)))
            {
                if (lookup.StatisticsOf(column) is not { } statistics || !IsClosedSet(statistics))
                {
                    continue;
                }

                yield return Describe(table, column, statistics);
            }
        }
    }

    private static bool IsClosedSet(ColumnStatistics statistics) =>
        statistics.DistinctValues is > 1 and <= MaximumDistinct
        && statistics.MostCommonValues.Count == (int)statistics.DistinctValues
        && statistics.MostCommonFrequencies.Sum() + statistics.NullFraction >= MinimumCoverage
        && statistics.MostCommonValues.All(v => CodeShape().IsMatch(v));

    // A code (paid, DE, in_transit, B2B-EU), not prose: a note or a name of a few repeated words is free text.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodeShape();

    private Finding Describe(TableInfo table, ColumnInfo column, ColumnStatistics statistics)
    {
        var name = ObjectNames.Derive(table.Name, column.Name, "check");
        var values = statistics.MostCommonValues.Order(StringComparer.Ordinal).ToList();
        var quoted = SqlIdentifier.Quote(column.Name);
        return new Finding
        {
            RuleId = Id,
            Subject = ObjectNames.ColumnSubject(table, column.Name),
            Severity = Severity,
            Area = Area,
            Title = $"{ObjectNames.ColumnSubject(table, column.Name)} holds {values.Count} distinct values but nothing restricts them",
            Rationale = "A closed set of values stored as free text accepts typos and case variants silently; a CHECK (or an enum or lookup table) makes the set explicit and enforced.",
            Evidence =
            [
                new Evidence("distinct values (pg_stats)", MeasureText.Count(statistics.DistinctValues)),
                new Evidence("values and frequencies", string.Join(", ", statistics.MostCommonValues.Zip(statistics.MostCommonFrequencies, (v, f) => $"{v} {MeasureText.Percent(f)}"))),
                new Evidence("null fraction", MeasureText.Percent(statistics.NullFraction)),
                new Evidence("estimated rows", MeasureText.Count(table.EstimatedRows)),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.SchemaChange,
                Strategy = MigrationStrategy.OnlineDdl,
                Up = $"""
                    ALTER TABLE {table.QualifiedName} ADD CONSTRAINT {SqlIdentifier.Quote(name)} CHECK ({quoted} IN ({string.Join(", ", values.Select(SqlIdentifier.Literal))})) NOT VALID;
                    ALTER TABLE {table.QualifiedName} VALIDATE CONSTRAINT {SqlIdentifier.Quote(name)};
                    """,
                Down = $"ALTER TABLE {table.QualifiedName} DROP CONSTRAINT {SqlIdentifier.Quote(name)};",
                PerformanceImpact = "NOT VALID takes only a brief lock; VALIDATE scans the table under a lock that still allows reads and writes.",
                Testing = $"Before validating: SELECT DISTINCT {quoted} FROM {table.QualifiedName} must list only the allowed values; afterwards an insert of another value fails with a check violation.",
            },
        };
    }
}
