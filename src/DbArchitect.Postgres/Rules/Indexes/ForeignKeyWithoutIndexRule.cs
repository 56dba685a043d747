using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// A foreign key whose columns lead no index: every delete or key update on the parent scans the
/// child table, and joins from parent to child cannot use an index.
/// </summary>
public sealed class ForeignKeyWithoutIndexRule : ISchemaRule
{
    public string Id => "fk-without-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var tables = facts.Snapshot.Tables.ToDictionary(t => t.Oid);
        var indexesByTable = facts.Snapshot.Indexes.ToLookup(i => i.TableOid);

        foreach (var foreignKey in facts.Snapshot.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey && c.Columns.Count > 0))
        {
            // Partitions inherit the parent's key and index; the parent's finding covers them.
            if (!tables.TryGetValue(foreignKey.TableOid, out var table) || table.IsPartition)
            {
                continue;
            }

            if (indexesByTable[foreignKey.TableOid].Any(index => Leads(index, foreignKey.Columns)))
            {
                continue;
            }

            yield return Report(facts, table, foreignKey);
        }
    }

    /// <summary>The FK columns, in any order, are the index's leading keys; a partial index does not count.</summary>
    private static bool Leads(IndexInfo index, IReadOnlyList<string> columns) =>
        index.IsValid
        && index.Predicate is null
        && index.Method is "btree"
        && index.KeyColumns.Count >= columns.Count
        && index.KeyColumns.Take(columns.Count).ToHashSet(StringComparer.Ordinal).SetEquals(columns);

    private Finding Report(AnalysisFacts facts, TableInfo table, ConstraintInfo foreignKey)
    {
        var columnList = string.Join(", ", foreignKey.Columns.Select(SqlIdentifier.Quote));
        var parent = foreignKey.ReferencedSchema is { } schema && foreignKey.ReferencedTable is { } name ? SqlIdentifier.Qualify(schema, name) : "?";
        var (create, index) = IndexStatements.CreateBTree(table, foreignKey.Columns);
        var large = table.EstimatedRows >= facts.Options.LargeTableRows;

        return new Finding
        {
            RuleId = Id,
            Subject = $"{table.QualifiedName}({columnList})",
            Severity = large ? Severity.High : Severity,
            Area = Area,
            Title = $"Foreign key {SqlIdentifier.Quote(foreignKey.Name)} on {table.QualifiedName}({columnList}) has no index leading with its columns",
            Rationale = $"Deleting or re-keying a row of {parent} makes PostgreSQL look for referencing rows in {table.QualifiedName}; " +
                "without an index that is a sequential scan per parent row, and joins on the key cannot use an index either.",
            Evidence =
            [
                new Evidence("foreign key", foreignKey.Definition),
                new Evidence("estimated rows in referencing table", MeasureText.Count(Math.Max(table.EstimatedRows, 0))),
                new Evidence("sequential scans on referencing table", MeasureText.Count(table.SeqScans)),
                new Evidence("deletes on referencing table", MeasureText.Count(table.Deletes)),
            ],
            Tables = [table.QualifiedName],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Index,
                Strategy = MigrationStrategy.OnlineDdl,
                Up = create,
                Down = IndexStatements.DropNamed(index, IndexStatements.OnlineAllowed(table.Kind)),
                Creates = [index],
                PerformanceImpact = $"Parent deletes and joins on ({columnList}) use an index scan; each write to {table.QualifiedName} maintains one more index." +
                    (IndexStatements.OnlineAllowed(table.Kind) ? "" : PartitionedLock.Note),
                Testing = $"EXPLAIN a join from {parent} to {table.QualifiedName} on ({columnList}) shows an index scan on {index}; " +
                    $"SELECT indisvalid FROM pg_index WHERE indexrelid = {SqlIdentifier.Literal(index)}::regclass returns true.",
            },
        };
    }
}
