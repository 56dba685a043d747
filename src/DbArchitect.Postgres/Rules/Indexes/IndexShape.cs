using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Indexes;

/// <summary>What duplicate and redundant indexes share: identity of shape, which twin to keep, and the drop finding.</summary>
internal static class IndexShape
{
    public static string Signature(IndexInfo index) => string.Join(
        "\u0001",
        index.TableOid,
        index.Method,
        string.Join("\u0002", index.KeyColumns),
        string.Join("\u0002", index.KeyOptions),
        string.Join("\u0002", index.IncludedColumns),
        index.Predicate ?? "");

    /// <summary>Lower sorts first: constraint-backing, then unique, then most used, then oldest.</summary>
    public static (int, int, long, uint) KeepPreference(IndexInfo index) =>
        (index.IsPrimary || index.ConstraintName is not null ? 0 : 1, index.IsUnique ? 0 : 1, -index.Scans, index.Oid);

    /// <summary>Never drop what a constraint owns, and never drop uniqueness the kept index does not enforce.</summary>
    public static bool MayDrop(IndexInfo drop, IndexInfo keep) =>
        !drop.IsPrimary
        && drop.ConstraintName is null
        && (!drop.IsUnique || (keep.IsUnique && keep.KeyColumns.SequenceEqual(drop.KeyColumns, StringComparer.Ordinal)));

    public static Finding DropFinding(ISchemaRule rule, IndexInfo drop, IndexInfo keep, bool online, string title, string rationale)
    {
        var table = SqlIdentifier.Qualify(drop.Schema, drop.Table);
        return new Finding
        {
            RuleId = rule.Id,
            Subject = IndexStatements.QualifiedName(drop),
            Severity = rule.Severity,
            Area = rule.Area,
            Title = title,
            Rationale = rationale,
            Evidence =
            [
                new Evidence("index to drop", $"{drop.Definition} ({MeasureText.Bytes(drop.SizeBytes)}, {MeasureText.Count(drop.Scans)} scans)"),
                new Evidence("index kept", $"{keep.Definition} ({MeasureText.Bytes(keep.SizeBytes)}, {MeasureText.Count(keep.Scans)} scans)"),
            ],
            Tables = [table],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Index,
                Strategy = online ? MigrationStrategy.OnlineDdl : MigrationStrategy.Standard,
                Up = IndexStatements.Drop(drop, online),
                Down = IndexStatements.Create(drop, online),
                PerformanceImpact = $"Frees {MeasureText.Bytes(drop.SizeBytes)} and one index write per row change on {table}; reads use {IndexStatements.QualifiedName(keep)}." +
                    (online ? "" : PartitionedLock.Note),
                Testing = $"Before dropping, confirm with EXPLAIN that the queries that used {IndexStatements.QualifiedName(drop)} plan on {IndexStatements.QualifiedName(keep)}; " +
                    "after, pg_stat_user_indexes shows the kept index's idx_scan rising.",
            },
        };
    }
}
