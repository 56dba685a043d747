using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Sampling;

namespace DbArchitect.Postgres.Rules.Design;

/// <summary>
/// A column that repeats a column of the row its foreign key references (<c>orders.buyer_email</c>
/// = <c>buyers.email</c> through <c>buyer_id</c>) stores one fact twice, and the copy drifts the
/// first time the parent changes without it. Found by name, then proven on a sample of joined rows.
/// </summary>
public sealed class DenormalisedCopyRule : ISchemaRule
{
    /// <summary>Fewer joined rows than this agree by chance too easily to call a column a copy.</summary>
    private const int MinimumSampledRows = 50;

    /// <summary>Not 100 %: a copy that has drifted on a few rows is still a copy, and the drift is the harm.</summary>
    private const double MinimumMatchRate = 0.99;

    public string Id => "denormalised-copy";
    public FindingArea Area => FindingArea.SchemaDesign;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var sample in facts.CopiedColumns)
        {
            if (sample.SampledRows < MinimumSampledRows
                || sample.MatchingRows < sample.SampledRows * MinimumMatchRate
                // Two columns that are mostly empty agree without one being a copy of the other.
                || sample.ValuedRows < sample.SampledRows / 2
                || Resolve(lookup, sample) is not { } candidate)
            {
                continue;
            }

            yield return Describe(lookup, candidate, sample);
        }
    }

    private static CopyCandidate? Resolve(CatalogLookup lookup, CopiedColumnSample sample)
    {
        if (lookup.TableOf(sample.TableOid) is not { } table
            || lookup.ColumnsOf(table).FirstOrDefault(c => c.Name == sample.Column) is not { } column
            || lookup.ConstraintsOf(table).FirstOrDefault(c => c.Kind == ConstraintKind.ForeignKey && c.Name == sample.ForeignKey) is not { } foreignKey
            || lookup.FindTable(foreignKey.ReferencedSchema!, foreignKey.ReferencedTable!) is not { } parent
            || lookup.ColumnsOf(parent).FirstOrDefault(c => c.Name == sample.ParentColumn) is not { } parentColumn)
        {
            return null;
        }

        return new CopyCandidate(table, column, foreignKey, parent, parentColumn);
    }

    private Finding Describe(CatalogLookup lookup, CopyCandidate copy, CopiedColumnSample sample)
    {
        var original = copy.Original;
        return new Finding
        {
            RuleId = Id,
            Subject = ObjectNames.ColumnSubject(copy.Table, copy.Column.Name),
            Severity = Severity,
            Area = Area,
            Title = $"{copy.Table.QualifiedName}.{copy.Column.Name} copies {original} through {copy.ForeignKeyColumn}",
            Rationale = $"{copy.Column.Name} repeats {original} on every referencing row, so an update of the parent leaves the copies stale unless something keeps them true. "
                + "Drop it and read the value through the join; keep it only where a measured read path needs it, with a trigger that updates it when the parent changes, "
                + "or where it is a deliberate snapshot of the value at the time (then say so in a COMMENT). "
                + "This needs application work first: every reader must switch to the join before the column is dropped.",
            Evidence =
            [
                new Evidence("foreign key", $"{copy.ForeignKey.Name}: ({copy.ForeignKeyColumn}) → {copy.Parent.QualifiedName}({copy.ReferencedColumn})"),
                new Evidence("match rate", $"{MeasureText.Percent((double)sample.MatchingRows / sample.SampledRows)} ({MeasureText.Count(sample.MatchingRows)} of {MeasureText.Count(sample.SampledRows)} sampled rows with a non-null {copy.ForeignKeyColumn})"),
                new Evidence("sample size", MeasureText.Count(sample.SampledRows)),
            ],
            Tables = [copy.Table.QualifiedName, copy.Parent.QualifiedName],
            Remedy = DropAndJoin(lookup, copy),
        };
    }

    private static Remedy DropAndJoin(CatalogLookup lookup, CopyCandidate copy)
    {
        var column = SqlIdentifier.Quote(copy.Column.Name);
        var key = SqlIdentifier.Quote(copy.ForeignKeyColumn);
        var parentColumn = SqlIdentifier.Quote(copy.ParentColumn.Name);
        var referenced = SqlIdentifier.Quote(copy.ReferencedColumn);
        var notNull = copy.Column.NotNull ? $"\nALTER TABLE {copy.Table.QualifiedName} ALTER COLUMN {column} SET NOT NULL;" : "";
        // DROP COLUMN takes the column's indexes with it, so the way back rebuilds them.
        var indexes = lookup.IndexesOf(copy.Table)
            .Where(i => i.KeyColumns.Contains(copy.Column.Name) || i.IncludedColumns.Contains(copy.Column.Name))
            .Select(i => $"\n{i.Definition};");
        return new Remedy
        {
            Kind = ChangeKind.Migration,
            Strategy = MigrationStrategy.Standard,
            Up = $"""
                -- Only once no reader uses {copy.Column.Name}: they read {copy.Original} through {copy.ForeignKeyColumn} instead.
                ALTER TABLE {copy.Table.QualifiedName} DROP COLUMN {column};
                """,
            Down = $"""
                ALTER TABLE {copy.Table.QualifiedName} ADD COLUMN {column} {copy.Column.DataType};
                -- Back-fill from the parent; on a large table run it once per range of {copy.ForeignKeyColumn}, one transaction each.
                UPDATE {copy.Table.QualifiedName} AS child SET {column} = parent.{parentColumn}
                FROM {copy.Parent.QualifiedName} AS parent
                WHERE parent.{referenced} = child.{key};{notNull}{string.Concat(indexes)}
                """,
            PerformanceImpact = "Dropping the column is a catalog change under a brief exclusive lock; it fails while a view still uses the column, which is the point. Reads of the value become a join on the foreign key. The way back adds the column at the end of the table and updates every row.",
            Testing = $"Before: SELECT count(*) FROM {copy.Table.QualifiedName} AS child JOIN {copy.Parent.QualifiedName} AS parent ON parent.{referenced} = child.{key} WHERE child.{column} IS DISTINCT FROM parent.{parentColumn} counts the rows that have drifted already. After: pg_stat_statements shows no statement reading {copy.Column.Name}.",
        };
    }
}
