using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>
/// An index left invalid by a failed CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY: writes
/// still maintain it, but the planner never uses it.
/// </summary>
public sealed class InvalidIndexRule : ISchemaRule
{
    public string Id => "invalid-index";
    public FindingArea Area => FindingArea.Indexing;
    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        // A plain partitioned index is invalid while a partition lacks its share; no REINDEX fixes
        // that, partition-missing-parent-index reports it with the fix.
        return facts.Snapshot.Indexes.Where(i => !i.IsValid && !(i.IsPartitioned && i.ConstraintName is null)).Select(index => Report(index, lookup.IndexDdlOnline(index.TableOid)));
    }

    private Finding Report(IndexInfo index, bool online)
    {
        var name = IndexStatements.QualifiedName(index);
        var table = SqlIdentifier.Qualify(index.Schema, index.Table);
        return new Finding
        {
            RuleId = Id,
            Subject = name,
            Severity = Severity,
            Area = Area,
            Title = $"Index {name} on {table} is invalid",
            Rationale = "An invalid index costs every insert and update on the table but is never used by queries; " +
                (IsReindexLeftover(index)
                    ? "its name marks it as the leftover of an interrupted REINDEX CONCURRENTLY, so it should be dropped."
                    : "it has to be rebuilt (or dropped if nobody needs it)."),
            Evidence =
            [
                new Evidence("definition", index.Definition),
                new Evidence("size", MeasureText.Bytes(index.SizeBytes)),
                new Evidence("pg_index.indisvalid", "false"),
            ],
            Tables = [table],
            Remedy = IsReindexLeftover(index) ? Drop(index, table, online) : Rebuild(index, name),
        };
    }

    // REINDEX CONCURRENTLY names its transient copies <index>_ccnew / <index>_ccold (with an optional number).
    private static bool IsReindexLeftover(IndexInfo index) =>
        index.Name.Contains("_ccnew", StringComparison.Ordinal) || index.Name.Contains("_ccold", StringComparison.Ordinal);

    private static Remedy Drop(IndexInfo index, string table, bool online) => new()
    {
        Kind = ChangeKind.Index,
        Strategy = MigrationStrategy.OnlineDdl,
        Up = IndexStatements.Drop(index, online),
        Down = IndexStatements.Create(index, online),
        PerformanceImpact = $"Removes the write cost of a useless index on {table}.",
        Testing = $"SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indrelid = {SqlIdentifier.Literal(table)}::regclass returns 0.",
    };

    private static Remedy Rebuild(IndexInfo index, string name) => new()
    {
        Kind = ChangeKind.Maintenance,
        Strategy = MigrationStrategy.Maintenance,
        Up = $"REINDEX INDEX CONCURRENTLY {name};",
        Down = "-- REINDEX only rebuilds the index from the table; there is nothing to undo.",
        PerformanceImpact = "The rebuilt index becomes usable by the planner; the rebuild reads the whole table without blocking writes.",
        Testing = $"SELECT indisvalid FROM pg_index WHERE indexrelid = {SqlIdentifier.Literal(name)}::regclass returns true" +
            (index.IsUnique ? "; for a unique index remove the duplicate keys first, or the rebuild fails again." : "."),
    };
}
