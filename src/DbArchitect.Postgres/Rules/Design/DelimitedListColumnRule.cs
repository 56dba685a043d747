using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Design;

/// <summary>
/// Text columns holding <c>a,b,c</c> lists break first normal form: the items cannot be indexed,
/// constrained or joined, and every reader re-splits the string. Found on the row sample: values
/// whose parts are short tokens, not prose that happens to contain a comma.
/// </summary>
public sealed class DelimitedListColumnRule : ISchemaRule
{
    private const int MinimumListRows = 5;
    private const double MinimumListShare = 0.2;
    private const int MaximumItemLength = 40;
    private const int MaximumItemWords = 3;

    private static readonly char[] Delimiters = [',', ';', '|'];
    private static readonly HashSet<string> TextTypes = new(StringComparer.Ordinal) { "text", "varchar", "bpchar" };

    // Prose columns legitimately contain commas.
    private static readonly string[] ProseWords = ["description", "note", "comment", "body", "content", "message", "text", "title", "address", "summary", "bio", "remark", "reason", "subject", "name"];

    public string Id => "delimited-list-in-text";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables)
        {
            if (SampleColumns.For(facts, lookup, table) is not { RowCount: > 0 } sample)
            {
                continue;
            }

            foreach (var column in sample.Columns.Where(c => TextTypes.Contains(c.TypeName) && !ProseWords.Any(w => c.Name.Contains(w, StringComparison.OrdinalIgnoreCase))))
            {
                var values = sample.Values(column).OfType<string>().ToList();
                var best = Delimiters
                    .Select(d => (Delimiter: d, Containing: values.Count(v => v.Contains(d)), Lists: values.Where(v => IsList(v, d)).ToList()))
                    .OrderByDescending(d => d.Lists.Count)
                    .First();
                if (best.Lists.Count >= MinimumListRows && best.Lists.Count >= values.Count * MinimumListShare && best.Lists.Count >= best.Containing * 0.8)
                {
                    yield return Describe(lookup, table, column, sample.RowCount, values.Count, best.Delimiter, best.Lists);
                }
            }
        }
    }

    private static bool IsList(string value, char delimiter)
    {
        var items = value.Split(delimiter);
        return items.Length >= 2 && items.All(i => i.Trim() is { Length: > 0 and <= MaximumItemLength } item && item.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaximumItemWords);
    }

    private Finding Describe(CatalogLookup lookup, TableInfo table, ColumnInfo column, int sampled, int nonNull, char delimiter, IReadOnlyList<string> lists)
    {
        var counts = lists.Select(l => l.Split(delimiter).Length).ToList();
        var primaryKey = lookup.PrimaryKeyOf(table);
        return new Finding
        {
            RuleId = Id,
            Subject = ObjectNames.ColumnSubject(table, column.Name),
            Severity = Severity,
            Area = Area,
            Title = $"{ObjectNames.ColumnSubject(table, column.Name)} stores '{delimiter}'-separated lists",
            Rationale = "A list packed into one text value cannot be indexed, constrained or joined item by item, and every reader must split it; one row per item in a child table is the normalised design.",
            Evidence =
            [
                new Evidence("sampled rows", MeasureText.Count(sampled)),
                new Evidence("non-null values", MeasureText.Count(nonNull)),
                new Evidence($"values that are '{delimiter}'-separated lists", $"{MeasureText.Count(lists.Count)} ({MeasureText.Percent(lists.Count / (double)Math.Max(1, nonNull))})"),
                new Evidence("items per list", $"average {MeasureText.Decimal(counts.Average())}, maximum {MeasureText.Count(counts.Max())}"),
            ],
            Tables = [table.QualifiedName],
            Remedy = primaryKey is { Columns.Count: 1 } ? Split(lookup, table, primaryKey.Columns[0], column, delimiter) : null,
        };
    }

    private static Remedy Split(CatalogLookup lookup, TableInfo table, string keyName, ColumnInfo column, char delimiter)
    {
        var child = ChildTable.Of(lookup, table, keyName, ObjectNames.Derive(table.Name, column.Name));
        var itemName = column.Name == "item" ? "value" : "item";
        var index = IndexNames.Assign([new IndexCandidate { Schema = child.Schema, Table = child.Name, Keys = [itemName] }], lookup.Snapshot)[0];
        return new Remedy
        {
            Kind = ChangeKind.Migration,
            Strategy = MigrationStrategy.BatchedDml,
            Up = $"""
                CREATE TABLE {child.QualifiedName} (
                    {child.ParentKeyDefinition},
                    {itemName} text NOT NULL,
                    PRIMARY KEY ({child.ParentKey}, {itemName})
                );
                {child.BackfillNote}
                INSERT INTO {child.QualifiedName} ({child.ParentKey}, {itemName})
                SELECT DISTINCT {child.SourceKey}, btrim(i.item)
                FROM {table.QualifiedName} AS t
                CROSS JOIN LATERAL unnest(string_to_array(t.{SqlIdentifier.Quote(column.Name)}, {SqlIdentifier.Literal(delimiter.ToString())})) AS i(item)
                WHERE btrim(i.item) <> ''
                ON CONFLICT DO NOTHING;
                {index.CreateInScript}
                -- Once the application reads and writes {child.QualifiedName}: ALTER TABLE {table.QualifiedName} DROP COLUMN {SqlIdentifier.Quote(column.Name)};
                """,
            Down = $"DROP TABLE {child.QualifiedName};",
            Creates = [child.QualifiedName, child.Column(child.ParentKeyName), child.Column(itemName), index.QualifiedName],
            PerformanceImpact = "New table and a batched copy; searches by item become index lookups instead of LIKE scans. The original column stays until the application has moved.",
            Testing = $"For a sample of keys, string_agg of {child.QualifiedName} items must equal the original list; search by item uses the new index (EXPLAIN).",
        };
    }
}
