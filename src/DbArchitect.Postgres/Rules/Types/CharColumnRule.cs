using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Types;

/// <summary>
/// <c>char(n)</c> pads every value with spaces to n characters, stores the padding, and ignores
/// trailing spaces in comparisons but not in LIKE, regular expressions or the client's own string
/// handling; it is never faster than text. Reported per table, or per schema when it is a habit.
/// </summary>
public sealed class CharColumnRule : ISchemaRule
{
    public string Id => "char-column";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.DataTypes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        return HabitAggregation.PerTable(
            lookup,
            lookup.DesignTables,
            table => lookup.ColumnsOf(table).Where(c => c.TypeName == "bpchar" && c.Generated is null).ToList(),
            (table, columns) => Describe(facts, lookup, table, columns),
            schema => $"char(n) is used by habit throughout schema {SqlIdentifier.Quote(schema)}");
    }

    private Finding Describe(AnalysisFacts facts, CatalogLookup lookup, TableInfo table, IReadOnlyList<ColumnInfo> columns)
    {
        // The cast to text drops the padding, which char semantics already treat as insignificant.
        var (up, down) = ColumnTypeChange.For(table, columns, "text");
        var sample = SampleColumns.For(facts, lookup, table);
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = Severity,
            Area = Area,
            Title = $"{table.QualifiedName} declares {columns.Count} column(s) as char(n)",
            Rationale = "char(n) pads values with spaces to the declared length and stores the padding; comparisons ignore it but LIKE, regular expressions and client code see it. "
                + "text (with a CHECK on length where the limit is a business rule) stores only the value. The cast to text removes the trailing spaces, "
                + "which char semantics already treat as insignificant, so equality and ordering are unchanged; client code that relied on fixed-width padding must pad for itself.",
            Evidence =
            [
                new Evidence("char columns", string.Join(", ", columns.Select(c => $"{c.Name} ({c.DataType})"))),
                new Evidence("average width", string.Join(", ", columns.Select(c => Width(lookup, sample, c)))),
            ],
            Tables = [table.QualifiedName],
            Remedy = ColumnTypeChange.InPlaceRemedy(
                up,
                down,
                rewrites: true,
                "char to text is not binary-compatible: the table and its indexes are rewritten under an ACCESS EXCLUSIVE lock. The way back pads again and fails if a longer value was written since.",
                $"\\d {table.QualifiedName} shows text; SELECT count(*) FROM {table.QualifiedName} WHERE {SqlIdentifier.Quote(columns[0].Name)} LIKE '% ' returns 0 (no padding left)."),
        };
    }

    /// <summary>The sampled length is of the value without padding (the text cast trims it); pg_stats measures what is stored.</summary>
    private static string Width(CatalogLookup lookup, SampleColumns? sample, ColumnInfo column)
    {
        var lengths = sample?.Columns.Contains(column) == true
            ? sample.Values(column).OfType<string>().Select(v => v.Length).ToList()
            : [];
        if (lengths.Count > 0)
        {
            return $"{column.Name} avg {MeasureText.Decimal(lengths.Average())} characters in {MeasureText.Count(lengths.Count)} sampled values";
        }

        return lookup.StatisticsOf(column)?.AverageWidth is { } width
            ? $"{column.Name} avg {MeasureText.Count(width)} bytes stored (pg_stats)"
            : $"{column.Name} (no sample or statistics)";
    }
}
