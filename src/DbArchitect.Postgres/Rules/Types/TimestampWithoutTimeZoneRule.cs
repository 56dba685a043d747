using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Types;

/// <summary>
/// <c>timestamp without time zone</c> stores wall-clock readings with no zone, so the same instant
/// is written differently by clients in different zones and daylight-saving gaps become ambiguous.
/// </summary>
public sealed class TimestampWithoutTimeZoneRule : ISchemaRule
{
    public string Id => "timestamp-without-time-zone";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.DataTypes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        return HabitAggregation.PerTable(
            lookup,
            lookup.DesignTables,
            table => lookup.ColumnsOf(table).Where(c => c.TypeName == "timestamp" && c.Generated is null).ToList(),
            Describe,
            schema => $"Schema {SqlIdentifier.Quote(schema)} stores timestamps without time zone throughout");
    }

    private Finding Describe(TableInfo table, IReadOnlyList<ColumnInfo> columns)
    {
        // The stored values are taken to be UTC; if the application wrote local time, change the zone here.
        var (up, down) = ColumnTypeChange.For(table, columns, "timestamptz", c => $"{c} AT TIME ZONE 'UTC'", c => $"{c} AT TIME ZONE 'UTC'");
        return new Finding
        {
            RuleId = Id,
            Subject = table.QualifiedName,
            Severity = Severity,
            Area = Area,
            Title = $"{table.QualifiedName} stores {columns.Count} timestamp column(s) without time zone",
            Rationale = "Instants stored without a zone are interpreted in each client's zone, so comparisons across zones and around daylight-saving changes go wrong; timestamptz stores the instant.",
            Evidence =
            [
                new Evidence("columns", string.Join(", ", columns.Select(c => $"{c.Name} ({c.DataType})"))),
                new Evidence("estimated rows", MeasureText.Count(Math.Max(0, table.EstimatedRows))),
            ],
            Tables = [table.QualifiedName],
            Remedy = ColumnTypeChange.InPlaceRemedy(
                up,
                down,
                rewrites: true,
                "Rewrites the table and its indexes under an exclusive lock unless the session TimeZone is UTC (PostgreSQL 12+ then skips the rewrite): run with SET TimeZone = 'UTC'.",
                "Compare a sample of values before and after in UTC: SELECT col AT TIME ZONE 'UTC' must equal the old value."),
        };
    }
}
