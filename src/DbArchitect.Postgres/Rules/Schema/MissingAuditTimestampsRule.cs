using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Schema;

/// <summary>
/// Tables without <c>created_at</c>/<c>updated_at</c> cannot answer "when did this row appear or
/// change", which support, auditing, incremental exports and retention all need.
/// </summary>
public sealed class MissingAuditTimestampsRule : ISchemaRule
{
    private static readonly string[] Required = ["created_at", "updated_at"];

    public string Id => "missing-audit-timestamps";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        return HabitAggregation.PerTable(
            lookup,
            lookup.DesignTables,
            table =>
            {
                var names = lookup.ColumnsOf(table).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                return Required.Where(r => !names.Contains(r)).ToList();
            },
            Describe,
            schema => $"Tables in schema {SqlIdentifier.Quote(schema)} habitually lack created_at/updated_at");
    }

    private Finding Describe(TableInfo table, IReadOnlyList<string> missing) => new()
    {
        RuleId = Id,
        Subject = table.QualifiedName,
        Severity = Severity,
        Area = Area,
        Title = $"Table {table.QualifiedName} lacks {string.Join(" and ", missing)}",
        Rationale = "Creation and modification times are the cheapest audit trail there is and are needed for incremental exports, debugging and retention.",
        Evidence = [new Evidence("missing columns", string.Join(", ", missing)), new Evidence("estimated rows", MeasureText.Count(Math.Max(0, table.EstimatedRows)))],
        Tables = [table.QualifiedName],
        Remedy = new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = MigrationStrategy.Standard,
            // now() is stable, so PostgreSQL 11+ stores it as the missing value without rewriting the table.
            Up = string.Join("\n", missing.Select(m => $"ALTER TABLE {table.QualifiedName} ADD COLUMN {m} timestamptz NOT NULL DEFAULT now();")),
            Down = string.Join("\n", missing.AsEnumerable().Reverse().Select(m => $"ALTER TABLE {table.QualifiedName} DROP COLUMN {m};")),
            Creates = missing.Select(m => ObjectNames.QualifiedColumn(table.Schema, table.Name, m)).ToList(),
            PerformanceImpact = "No table rewrite (constant default); existing rows get the migration time. updated_at must be maintained by the application or a BEFORE UPDATE trigger.",
            Testing = $"Insert a row into {table.QualifiedName} without the new columns and check they are filled; check that updates set updated_at.",
        },
    };
}
