using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Types;

/// <summary>
/// <c>varchar(255)</c> is a MySQL-era reflex: in PostgreSQL the limit buys no storage or speed, and
/// 255 is almost never the real business rule. Reported per table, or per schema when it is a habit.
/// </summary>
public sealed class Varchar255HabitRule : ISchemaRule
{
    public string Id => "varchar-255-habit";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.DataTypes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        return HabitAggregation.PerTable(
            lookup,
            lookup.DesignTables,
            table => lookup.ColumnsOf(table).Where(c => c.DataType == "character varying(255)").ToList(),
            (table, columns) => Describe(lookup, table, columns),
            schema => $"varchar(255) is used by habit throughout schema {SqlIdentifier.Quote(schema)}");
    }

    private Finding Describe(CatalogLookup lookup, TableInfo table, IReadOnlyList<ColumnInfo> columns)
    {
        var (up, down) = ColumnTypeChange.For(table, columns, "text");
        var widths = columns
            .Select(c => (c.Name, Width: lookup.StatisticsOf(c)?.AverageWidth))
            .Select(w => w.Width is { } width ? $"{w.Name} avg {MeasureText.Count(width)} bytes" : $"{w.Name} (no statistics)");
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = Severity,
            Area = Area,
            Title = $"{table.QualifiedName} declares {columns.Count} column(s) as varchar(255)",
            Rationale = "The 255 limit is arbitrary: it rejects legitimate long values and says nothing about real ones. Use text, with a CHECK on length where a real business limit exists.",
            Evidence =
            [
                new Evidence("varchar(255) columns", MeasureText.Count(columns.Count)),
                new Evidence("average stored width", string.Join(", ", widths)),
            ],
            Tables = [table.QualifiedName],
            Remedy = ColumnTypeChange.InPlaceRemedy(
                up,
                down,
                rewrites: false,
                "varchar to text is binary-compatible: no rewrite, only a brief exclusive lock (indexes are kept). The way back re-checks lengths with a scan.",
                $"\\d {table.QualifiedName} shows text; a value longer than 255 characters can now be inserted."),
        };
    }
}
