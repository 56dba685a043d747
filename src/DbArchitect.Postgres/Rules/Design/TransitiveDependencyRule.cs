using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Design;

/// <summary>
/// A non-key column that is determined by another non-key column (city → zip, customer_email →
/// customer_name) is stored once per row instead of once per fact, so copies drift apart on
/// update (a third normal form violation). Found on the row sample: among determinant values that
/// repeat, nearly all map to exactly one dependent value.
/// </summary>
public sealed class TransitiveDependencyRule : ISchemaRule
{
    private const int MinimumSampledRows = 50;
    private const int MinimumRepeatedGroups = 10;
    private const double MaximumDistinctShare = 0.5;
    private const double MinimumAgreement = 0.98;
    private const int MinimumDependentDistinct = 3;

    private static readonly HashSet<string> IgnoredTypes = new(StringComparer.Ordinal)
    {
        "timestamp", "timestamptz", "date", "time", "timetz", "interval", "bool", "json", "jsonb", "bytea", "xml", "tsvector", "float4", "float8",
    };

    public string Id => "transitive-dependency";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables)
        {
            if (SampleColumns.For(facts, lookup, table) is not { RowCount: >= MinimumSampledRows } sample)
            {
                continue;
            }

            var keys = lookup.KeyColumnsOf(table);
            var attributes = sample.Columns.Where(c => !keys.Contains(c.Name) && c.Generated is null && c.Identity is null && !IgnoredTypes.Contains(c.TypeName) && c.TypeName != "_text").ToList();
            var explained = new HashSet<string>(StringComparer.Ordinal);

            // A column that already references another table has its dependents' home there:
            // copies of that table's columns are denormalised-copy's to report, not a new table.
            var referencing = lookup.ReferencingColumnsOf(table);
            foreach (var determinant in attributes.Where(a => !referencing.Contains(a.Name)))
            {
                if (explained.Contains(determinant.Name) || Groups(sample, determinant) is not { } groups)
                {
                    continue;
                }

                var dependents = attributes
                    .Where(d => d != determinant && !explained.Contains(d.Name))
                    .Select(d => Measure(sample, groups, d))
                    .Where(m => m.Holds)
                    .ToList();
                if (dependents.Count == 0)
                {
                    continue;
                }

                explained.Add(determinant.Name);
                explained.UnionWith(dependents.Select(d => d.Column.Name));
                yield return Describe(lookup, table, sample.RowCount, determinant, groups, dependents);
            }
        }
    }

    /// <summary>Sampled rows grouped by the determinant's value, when it repeats enough to judge.</summary>
    private static IReadOnlyList<IReadOnlyList<string?[]>>? Groups(SampleColumns sample, ColumnInfo determinant)
    {
        var position = sample.PositionOf(determinant);
        var groups = sample.Rows.Where(r => r[position] is not null).GroupBy(r => r[position]!, StringComparer.Ordinal).Select(g => (IReadOnlyList<string?[]>)g.ToList()).ToList();
        var nonNull = groups.Sum(g => g.Count);
        var repeated = groups.Count(g => g.Count >= 2);
        return nonNull > 0 && groups.Count <= nonNull * MaximumDistinctShare && repeated >= MinimumRepeatedGroups ? groups : null;
    }

    private static Dependency Measure(SampleColumns sample, IReadOnlyList<IReadOnlyList<string?[]>> groups, ColumnInfo dependent)
    {
        var position = sample.PositionOf(dependent);
        var repeated = groups.Where(g => g.Count >= 2).ToList();
        var single = repeated.Count(g => g.Select(r => r[position]).Distinct().Count() == 1);
        var distinctDependent = sample.Values(dependent).Where(v => v is not null).Distinct().Count();
        var holds = distinctDependent >= MinimumDependentDistinct && single >= repeated.Count * MinimumAgreement;
        return new Dependency(dependent, repeated.Count, single, distinctDependent, holds);
    }

    private Finding Describe(CatalogLookup lookup, TableInfo table, int sampled, ColumnInfo determinant, IReadOnlyList<IReadOnlyList<string?[]>> groups, IReadOnlyList<Dependency> dependents)
    {
        var names = string.Join(", ", dependents.Select(d => d.Column.Name));
        return new Finding
        {
            RuleId = Id,
            Subject = ObjectNames.ColumnSubject(table, determinant.Name),
            Severity = Severity,
            Area = Area,
            Title = $"In {table.QualifiedName}, {determinant.Name} determines {names} (transitive dependency)",
            Rationale = $"{names} depend on {determinant.Name}, not on the table's key, so each fact is repeated on every row that shares the {determinant.Name} and an update to one copy leaves the others stale. Third normal form moves them to a table keyed by {determinant.Name}.",
            Evidence =
            [
                new Evidence("sampled rows", MeasureText.Count(sampled)),
                new Evidence($"distinct {determinant.Name} values", MeasureText.Count(groups.Count)),
                .. dependents.Select(d => new Evidence(
                    $"{determinant.Name} values seen more than once that map to exactly one {d.Column.Name}",
                    $"{MeasureText.Count(d.SingleValued)} of {MeasureText.Count(d.RepeatedGroups)} ({MeasureText.Count(d.DistinctDependent)} distinct {d.Column.Name} values)")),
            ],
            Tables = [table.QualifiedName],
            Remedy = Split(lookup, table, determinant, dependents.Select(d => d.Column).ToList()),
        };
    }

    private static Remedy Split(CatalogLookup lookup, TableInfo table, ColumnInfo determinant, IReadOnlyList<ColumnInfo> dependents)
    {
        var plural = ObjectNames.Derive(EnglishNouns.Pluralize(determinant.Name));
        var lookupName = lookup.TableExists(table.Schema, plural) ? ObjectNames.Derive(table.Name, determinant.Name, "lookup") : plural;
        var target = SqlIdentifier.Qualify(table.Schema, lookupName);
        var key = SqlIdentifier.Quote(determinant.Name);
        var columns = string.Join(", ", dependents.Select(d => SqlIdentifier.Quote(d.Name)));
        var foreignKey = SqlIdentifier.Quote(ObjectNames.Derive(table.Name, determinant.Name, "fkey"));
        var index = IndexNames.Assign([new IndexCandidate { Schema = table.Schema, Table = table.Name, Keys = [key] }], lookup.Snapshot)[0];
        var needsIndex = !lookup.HasIndexLeadingWith(table, determinant.Name);
        var createIndex = needsIndex ? $"\n{index.CreateStatement}" : "";
        var dropIndex = needsIndex ? $"\n{index.DropStatement}" : "";
        return new Remedy
        {
            Kind = ChangeKind.Migration,
            Strategy = MigrationStrategy.BatchedDml,
            Up = $"""
                CREATE TABLE {target} (
                    {key} {determinant.DataType} PRIMARY KEY,
                    {string.Join(",\n    ", dependents.Select(d => $"{SqlIdentifier.Quote(d.Name)} {d.DataType}"))}
                );
                -- Backfill; on a large table run it once per range of {determinant.Name} (add AND {key} >= lo AND {key} < hi), one transaction each.
                INSERT INTO {target} ({key}, {columns})
                SELECT DISTINCT ON ({key}) {key}, {columns}
                FROM {table.QualifiedName}
                WHERE {key} IS NOT NULL
                ORDER BY {key}
                ON CONFLICT ({key}) DO NOTHING;{createIndex}
                ALTER TABLE {table.QualifiedName} ADD CONSTRAINT {foreignKey} FOREIGN KEY ({key}) REFERENCES {target} ({key}) NOT VALID;
                ALTER TABLE {table.QualifiedName} VALIDATE CONSTRAINT {foreignKey};
                -- Once the application reads {string.Join(", ", dependents.Select(d => d.Name))} through {target}: ALTER TABLE {table.QualifiedName} {string.Join(", ", dependents.Select(d => "DROP COLUMN " + SqlIdentifier.Quote(d.Name)))};
                """,
            Down = $"""
                ALTER TABLE {table.QualifiedName} DROP CONSTRAINT {foreignKey};{dropIndex}
                DROP TABLE {target};
                """,
            Creates =
            [
                target,
                ObjectNames.QualifiedColumn(table.Schema, lookupName, determinant.Name),
                .. dependents.Select(d => ObjectNames.QualifiedColumn(table.Schema, lookupName, d.Name)),
                .. needsIndex ? [index.QualifiedName] : Array.Empty<string>(),
            ],
            PerformanceImpact = "New lookup table and a batched copy; the foreign key is added NOT VALID and validated without blocking writes. Reads of the moved columns need a join once the old columns are dropped.",
            Testing = $"SELECT {key} FROM {table.QualifiedName} GROUP BY {key} HAVING count(DISTINCT ({columns})) > 1 lists the rows that disagree today (fix them first); after the backfill every {key} of {table.QualifiedName} exists in {target}.",
        };
    }

    private sealed record Dependency(ColumnInfo Column, int RepeatedGroups, int SingleValued, int DistinctDependent, bool Holds);
}
