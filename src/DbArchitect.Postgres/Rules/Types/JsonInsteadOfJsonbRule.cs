using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Types;

/// <summary>
/// <c>json</c> keeps the raw text and re-parses it on every access and cannot be GIN-indexed;
/// <c>jsonb</c> is what semi-structured data in PostgreSQL should normally use.
/// </summary>
public sealed class JsonInsteadOfJsonbRule : ISchemaRule
{
    public string Id => "json-instead-of-jsonb";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.DataTypes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables)
        {
            var columns = lookup.ColumnsOf(table).Where(c => c.TypeName == "json" && c.Generated is null).ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            var (up, down) = ColumnTypeChange.For(table, columns, "jsonb", c => $"{c}::jsonb", c => $"{c}::json");
            yield return new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"{table.QualifiedName} stores {columns.Count} column(s) as json rather than jsonb",
                Rationale = "json is re-parsed on every access and supports neither GIN indexes nor containment operators; jsonb is parsed once and indexable. Keep json only where key order or duplicate keys must be preserved.",
                Evidence =
                [
                    new Evidence("json columns", string.Join(", ", columns.Select(c => c.Name))),
                    .. columns.Select(c => lookup.StatisticsOf(c) is { } s ? new Evidence($"{c.Name} average width", $"{MeasureText.Count(s.AverageWidth)} bytes") : null).OfType<Evidence>(),
                    new Evidence("estimated rows", MeasureText.Count(Math.Max(0, table.EstimatedRows))),
                ],
                Tables = [table.QualifiedName],
                Remedy = ColumnTypeChange.InPlaceRemedy(
                    up,
                    down,
                    rewrites: true,
                    "Rewrites the table under an exclusive lock; for large tables add a jsonb column, backfill in batches and swap instead. Reads get faster afterwards.",
                    $"Check that queries on {table.QualifiedName} still return the same documents (key order and duplicate keys are normalised by jsonb)."),
            };
        }
    }
}
