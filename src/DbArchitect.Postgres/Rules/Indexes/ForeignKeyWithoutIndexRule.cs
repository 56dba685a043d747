using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// A foreign key whose columns lead no index: every delete or key update on the parent scans the
/// child table, and joins from parent to child cannot use an index. On a partitioned table the key
/// is served by a partitioned index, or by an index of its own on every partition.
/// </summary>
public sealed class ForeignKeyWithoutIndexRule : ISchemaRule
{
    public string Id => "fk-without-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.KeysAndConstraints;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var foreignKey in facts.Snapshot.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey && c.Columns.Count > 0))
        {
            // Partitions inherit the parent's key; the parent's finding covers them.
            if (lookup.TableOf(foreignKey.TableOid) is not { IsPartition: false } table || Served(lookup, table, foreignKey.Columns))
            {
                continue;
            }

            yield return Report(facts, lookup, table, foreignKey);
        }
    }

    private static bool Served(CatalogLookup lookup, TableInfo table, IReadOnlyList<string> columns)
    {
        if (lookup.IndexesOf(table).Any(index => ForeignKeyIndexing.Serves(index, columns)))
        {
            return true;
        }

        var leaves = table.Kind == TableKind.PartitionedTable ? lookup.LeafPartitionsOf(table).ToList() : [];
        return leaves.Count > 0 && leaves.All(leaf => !Lacking(lookup, leaf, columns));
    }

    private static bool Lacking(CatalogLookup lookup, TableInfo leaf, IReadOnlyList<string> columns) =>
        !lookup.IndexesOf(leaf).Any(index => ForeignKeyIndexing.Serves(index, columns));

    private Finding Report(AnalysisFacts facts, CatalogLookup lookup, TableInfo table, ConstraintInfo foreignKey)
    {
        var (up, down, index) = IndexStatements.CreateBTree(lookup, table, foreignKey.Columns);
        var partitioned = table.Kind == TableKind.PartitionedTable;
        var leaves = partitioned ? lookup.LeafPartitionsOf(table).ToList() : [table];
        var lacking = leaves.Where(leaf => Lacking(lookup, leaf, foreignKey.Columns)).Select(leaf => leaf.QualifiedName).ToList();
        var activity = partitioned
            ? new[]
            {
                new Evidence("partitions without an index leading with the key", $"{lacking.Count} of {leaves.Count}" + (lacking.Count > 0 ? $": {string.Join(", ", lacking.Take(10))}{(lacking.Count > 10 ? ", …" : "")}" : "")),
                new Evidence("sequential scans on its partitions", MeasureText.Count(leaves.Sum(l => l.SeqScans))),
                new Evidence("deletes on its partitions", MeasureText.Count(leaves.Sum(l => l.Deletes))),
            }
            : [
                new Evidence("sequential scans on referencing table", MeasureText.Count(table.SeqScans)),
                new Evidence("deletes on referencing table", MeasureText.Count(table.Deletes)),
            ];
        return Finding(facts, table, foreignKey, lookup.RowsOf(table), new Remedy
        {
            Kind = ChangeKind.Index,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = up,
            Down = down,
            Creates = [index],
            PerformanceImpact = $"Parent deletes and joins on ({ColumnList(foreignKey)}) use an index scan; each write to {table.QualifiedName} maintains one more index." +
                (partitioned ? PartitionedIndexBuild.Impact : ""),
            Testing = Testing(foreignKey, table, index),
        }, activity);
    }

    private Finding Finding(AnalysisFacts facts, TableInfo table, ConstraintInfo foreignKey, double rows, Remedy remedy, IEnumerable<Evidence> activity)
    {
        var columnList = ColumnList(foreignKey);
        return new Finding
        {
            RuleId = Id,
            Subject = $"{table.QualifiedName}({columnList})",
            Severity = rows >= facts.Options.LargeTableRows ? Severity.High : Severity,
            Area = Area,
            Title = $"Foreign key {SqlIdentifier.Quote(foreignKey.Name)} on {table.QualifiedName}({columnList}) has no index leading with its columns",
            Rationale = $"Deleting or re-keying a row of {Parent(foreignKey)} makes PostgreSQL look for referencing rows in {table.QualifiedName}; " +
                "without an index that is a sequential scan per parent row, and joins on the key cannot use an index either.",
            Evidence =
            [
                new Evidence("foreign key", foreignKey.Definition),
                new Evidence("estimated rows in referencing table", MeasureText.Count(Math.Max(rows, 0))),
                .. activity,
            ],
            Tables = [table.QualifiedName],
            Remedy = remedy,
        };
    }

    private static string Testing(ConstraintInfo foreignKey, TableInfo table, string index) =>
        $"EXPLAIN a join from {Parent(foreignKey)} to {table.QualifiedName} on ({ColumnList(foreignKey)}) shows an index scan on {index}; " +
        $"SELECT indisvalid FROM pg_index WHERE indexrelid = {SqlIdentifier.Literal(index)}::regclass returns true.";

    private static string ColumnList(ConstraintInfo foreignKey) => string.Join(", ", foreignKey.Columns.Select(SqlIdentifier.Quote));

    private static string Parent(ConstraintInfo foreignKey) =>
        foreignKey.ReferencedSchema is { } schema && foreignKey.ReferencedTable is { } name ? SqlIdentifier.Qualify(schema, name) : "?";
}
