using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Naming;

/// <summary>
/// Mixed-case names (<c>"OrderItems"</c>, <c>"createdAt"</c>) must be double-quoted in every query
/// forever, because PostgreSQL folds unquoted names to lower case. snake_case is the convention.
/// </summary>
public sealed class NotSnakeCaseRule : ISchemaRule
{
    public string Id => "naming-not-snake-case";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Low;

    /// <summary>Names this rule owns: those with upper-case letters. Other quoting needs belong to <see cref="QuotedIdentifierRule"/>.</summary>
    internal static bool IsMixedCase(string name) => name.Any(char.IsUpper);

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables)
        {
            var existing = lookup.ColumnsOf(table).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var columns = lookup.ColumnsOf(table)
                .Where(c => IsMixedCase(c.Name))
                .Select(c => (Old: c.Name, New: ObjectNames.Derive(IdentifierRenames.ToSnakeCase(c.Name))))
                .Where(r => !existing.Contains(r.New))
                .ToList();
            var newTable = IsMixedCase(table.Name) && ObjectNames.Derive(IdentifierRenames.ToSnakeCase(table.Name)) is var snake && !lookup.TableExists(table.Schema, snake) ? snake : null;
            if (newTable is null && columns.Count == 0)
            {
                continue;
            }

            var renames = (newTable is null ? [] : new[] { $"{table.Name} → {newTable}" }).Concat(columns.Select(c => $"{c.Old} → {c.New}")).ToList();
            yield return new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"{table.QualifiedName} uses mixed-case names that must always be quoted",
                Rationale = "PostgreSQL folds unquoted identifiers to lower case, so mixed-case names need double quotes in every statement and break hand-written SQL; snake_case avoids that.",
                Evidence = [new Evidence("names to change", string.Join(", ", renames)), new Evidence("count", MeasureText.Count(renames.Count))],
                Tables = [table.QualifiedName],
                Remedy = IdentifierRenames.For(table, newTable, columns),
            };
        }
    }
}
