using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Naming;

/// <summary>
/// Names that are reserved words or contain spaces, punctuation or a leading digit only work when
/// quoted, and every tool, ORM and hand-written query has to remember that. Mixed-case names are
/// left to <see cref="NotSnakeCaseRule"/> so one name is never reported twice.
/// </summary>
public sealed class QuotedIdentifierRule : ISchemaRule
{
    public string Id => "identifier-needs-quotes";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables)
        {
            var existing = lookup.ColumnsOf(table).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var columns = lookup.ColumnsOf(table)
                .Where(c => Owns(c.Name))
                .Select(c => (Old: c.Name, New: Replacement(c.Name, isTable: false)))
                .Where(r => !existing.Contains(r.New))
                .ToList();
            var newTable = Owns(table.Name) && Replacement(table.Name, isTable: true) is var renamed && !lookup.TableExists(table.Schema, renamed) ? renamed : null;
            if (newTable is null && columns.Count == 0)
            {
                continue;
            }

            var names = (newTable is null ? [] : new[] { $"{table.Name} → {newTable}" }).Concat(columns.Select(c => $"{c.Old} → {c.New}")).ToList();
            yield return new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"{table.QualifiedName} has names that only work inside double quotes",
                Rationale = "Reserved words and names with spaces or punctuation must be quoted in every statement; one unquoted use is a syntax error or, worse, silently means something else.",
                Evidence = [new Evidence("names to change", string.Join(", ", names)), new Evidence("count", MeasureText.Count(names.Count))],
                Tables = [table.QualifiedName],
                Remedy = IdentifierRenames.For(table, newTable, columns),
            };
        }
    }

    private static bool Owns(string name) => SqlIdentifier.NeedsQuotes(name) && !NotSnakeCaseRule.IsMixedCase(name);

    private static string Replacement(string name, bool isTable)
    {
        var snake = ObjectNames.Derive(IdentifierRenames.ToSnakeCase(name));
        if (!SqlIdentifier.NeedsQuotes(snake))
        {
            return snake;
        }

        // A reserved word: a table name usually just wants its plural ("order" → "orders"); a column gets a qualifier.
        var plural = EnglishNouns.Pluralize(snake);
        return isTable && !SqlIdentifier.NeedsQuotes(plural) ? ObjectNames.Derive(plural) : ObjectNames.Derive(snake, "value");
    }
}
