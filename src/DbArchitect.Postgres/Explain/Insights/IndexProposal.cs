using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>A CREATE INDEX CONCURRENTLY remedy with its DROP, named after the table and columns.</summary>
internal static class IndexProposal
{
    /// <param name="node">The scan the index serves.</param>
    /// <param name="keys">Key columns or expressions as SQL, already quoted (use <see cref="Columns"/> for plain names).</param>
    /// <param name="method">Access method.</param>
    /// <param name="prelude">SQL to run first, e.g. CREATE EXTENSION.</param>
    /// <param name="impact">Performance impact text; a B-tree default when empty.</param>
    public static Remedy Create(PlanNode node, IReadOnlyList<string> keys, string method = "btree", string? prelude = null, string impact = "")
    {
        var schema = node.Schema ?? "public";
        var table = node.RelationName!;
        var name = IndexStatements.IndexName(table, keys.Select(k => Slug(k.Split(' ')[0])).ToList());
        var qualifiedIndex = SqlIdentifier.Qualify(schema, name);
        var keyList = string.Join(", ", keys);
        var usingClause = method == "btree" ? "" : $" USING {method}";
        return new Remedy
        {
            Kind = ChangeKind.Index,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = $"{prelude}CREATE INDEX CONCURRENTLY IF NOT EXISTS {SqlIdentifier.Quote(name)} ON {SqlIdentifier.Qualify(schema, table)}{usingClause} ({keyList});",
            Down = IndexStatements.DropNamed(qualifiedIndex, online: true),
            Creates = [qualifiedIndex],
            PerformanceImpact = impact.Length > 0 ? impact : "Reads on this predicate become index scans; every insert and update of the table maintains one more index.",
            Testing = "Run `dbarch explain --analyze` on the statement before and after; the scan should become an index scan with lower cost and time.",
        };
    }

    /// <summary>Plain column names as quoted key SQL.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<string> names) => names.Select(SqlIdentifier.Quote).ToList();

    private static string Slug(string key) => new(key.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
}
