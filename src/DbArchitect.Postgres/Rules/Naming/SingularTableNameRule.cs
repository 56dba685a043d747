using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Naming;

/// <summary>
/// The role definition's convention is plural table names. Only names that are otherwise clean
/// snake_case are judged here, so a name is never reported by two naming rules at once.
/// </summary>
public sealed class SingularTableNameRule : ISchemaRule
{
    public string Id => "table-name-not-plural";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Info;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var perTable = new List<Finding>();
        foreach (var table in lookup.DesignTables.Where(t => !SqlIdentifier.NeedsQuotes(t.Name) && !EnglishNouns.IsPlural(t.Name)))
        {
            var plural = EnglishNouns.Pluralize(table.Name);
            if (lookup.TableExists(table.Schema, plural) || SqlIdentifier.NeedsQuotes(plural) || ObjectNames.Derive(plural) != plural)
            {
                continue;
            }

            perTable.Add(new Finding
            {
                RuleId = Id,
                Subject = table.QualifiedName,
                Severity = Severity,
                Area = Area,
                Title = $"Table name {table.QualifiedName} is singular",
                Rationale = "Plural table names (a table holds many rows) are the convention the rest of the schema and its tooling are expected to follow; consistency makes queries predictable.",
                Evidence = [new Evidence("current name", table.Name), new Evidence("suggested name", plural)],
                Tables = [table.QualifiedName],
                Remedy = IdentifierRenames.For(table, plural, []),
            });
        }

        return HabitAggregation.Aggregate(perTable, lookup, schema => $"Schema {SqlIdentifier.Quote(schema)} names its tables in the singular throughout");
    }
}
