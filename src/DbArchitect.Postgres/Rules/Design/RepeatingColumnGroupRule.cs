using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Design;

/// <summary>
/// Numbered columns such as <c>phone1, phone2, phone3</c> are a repeating group (a first normal
/// form violation): the fourth phone needs a migration, and "find by phone" must OR every slot.
/// The sample shows how many slots rows really use.
/// </summary>
public sealed partial class RepeatingColumnGroupRule : ISchemaRule
{
    public string Id => "repeating-column-group";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Medium;

    [GeneratedRegex(@"^(?<stem>.*[a-z])_?(?<number>\d{1,2})$")]
    private static partial Regex NumberedName();

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables)
        {
            var referencing = lookup.ReferencingColumnsOf(table);
            var groups = lookup.ColumnsOf(table)
                .Select(c => (Column: c, Match: NumberedName().Match(c.Name)))
                .Where(m => m.Match.Success)
                .GroupBy(m => (Stem: m.Match.Groups["stem"].Value, m.Column.DataType))
                .Select(g => (g.Key.Stem, Members: g.Select(m => (m.Column, Slot: int.Parse(m.Match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture))).OrderBy(m => m.Slot).ToList()))
                .Where(g => g.Members.Count >= 2 && IsSequence(g.Members.Select(m => m.Slot).ToList()) && !RelationshipEnds(g.Members, referencing));
            foreach (var (stem, members) in groups)
            {
                yield return Describe(facts, lookup, table, stem.TrimEnd('_'), members);
            }
        }
    }

    /// <summary>
    /// Two numbered foreign keys (<c>entity0, entity1</c>) are the two ends of a relationship, each
    /// with its own meaning, not slots of one attribute: a child table would lose which end is which.
    /// </summary>
    private static bool RelationshipEnds(IReadOnlyList<(ColumnInfo Column, int Slot)> members, HashSet<string> referencing) =>
        members.Count == 2 && members.All(m => referencing.Contains(m.Column.Name));

    private static bool IsSequence(IReadOnlyList<int> slots) =>
        slots[0] is 0 or 1 && slots.Zip(slots.Skip(1), (a, b) => b - a).All(step => step == 1);

    private Finding Describe(AnalysisFacts facts, CatalogLookup lookup, TableInfo table, string stem, IReadOnlyList<(ColumnInfo Column, int Slot)> members)
    {
        var evidence = new List<Evidence> { new("columns", string.Join(", ", members.Select(m => m.Column.Name))) };
        if (SampleColumns.For(facts, lookup, table) is { RowCount: > 0 } sample && members.All(m => sample.Columns.Contains(m.Column)))
        {
            var used = sample.Rows.Select(row => members.Count(m => row[sample.PositionOf(m.Column)] is not null)).ToList();
            evidence.Add(new Evidence("sampled rows", MeasureText.Count(used.Count)));
            evidence.AddRange(Enumerable.Range(0, members.Count + 1).Select(k => new Evidence($"rows using {k} of {members.Count} slots", MeasureText.Count(used.Count(u => u == k)))));
        }

        var primaryKey = lookup.PrimaryKeyOf(table);
        return new Finding
        {
            RuleId = Id,
            Subject = $"{table.QualifiedName}({string.Join(", ", members.Select(m => SqlIdentifier.Quote(m.Column.Name)))})",
            Severity = Severity,
            Area = Area,
            Title = $"{table.QualifiedName} repeats {stem} in {members.Count} numbered columns",
            Rationale = "A repeating group caps the number of values at the number of columns, scatters one attribute over several columns and forces every search to test each slot; a child table with one row per value is the first-normal-form design.",
            Evidence = evidence,
            Tables = [table.QualifiedName],
            Remedy = primaryKey is { Columns.Count: 1 } ? Split(lookup, table, primaryKey.Columns[0], stem, members) : null,
        };
    }

    private static Remedy Split(CatalogLookup lookup, TableInfo table, string keyName, string stem, IReadOnlyList<(ColumnInfo Column, int Slot)> members)
    {
        var child = ChildTable.Of(lookup, table, keyName, ObjectNames.Derive(table.Name, EnglishNouns.Pluralize(stem)));
        var value = SqlIdentifier.Quote(stem);
        var slots = string.Join(", ", members.Select(m => $"({m.Slot}, t.{SqlIdentifier.Quote(m.Column.Name)})"));
        return new Remedy
        {
            Kind = ChangeKind.Migration,
            Strategy = MigrationStrategy.BatchedDml,
            Up = $"""
                CREATE TABLE {child.QualifiedName} (
                    {child.ParentKeyDefinition},
                    position smallint NOT NULL,
                    {value} {members[0].Column.DataType} NOT NULL,
                    PRIMARY KEY ({child.ParentKey}, position)
                );
                {child.BackfillNote}
                INSERT INTO {child.QualifiedName} ({child.ParentKey}, position, {value})
                SELECT {child.SourceKey}, v.position, v.value
                FROM {table.QualifiedName} AS t
                CROSS JOIN LATERAL (VALUES {slots}) AS v(position, value)
                WHERE v.value IS NOT NULL
                ON CONFLICT DO NOTHING;
                -- Once the application reads and writes {child.QualifiedName}: ALTER TABLE {table.QualifiedName} {string.Join(", ", members.Select(m => "DROP COLUMN " + SqlIdentifier.Quote(m.Column.Name)))};
                """,
            Down = $"DROP TABLE {child.QualifiedName};",
            Creates = [child.QualifiedName, child.Column(child.ParentKeyName), child.Column("position"), child.Column(stem)],
            PerformanceImpact = "New table and a batched copy; the original columns stay until the application has moved, so reads and writes are not blocked.",
            Testing = $"SELECT count(*) FROM {child.QualifiedName} must equal the number of non-null slot values in {table.QualifiedName}; the application reads the values from {child.QualifiedName}.",
        };
    }
}
