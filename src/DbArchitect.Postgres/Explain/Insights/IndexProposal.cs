using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// A plan insight's index as a remedy: the advisor's index model (<see cref="IndexCandidate"/>)
/// writes its CREATE INDEX CONCURRENTLY and DROP, under a name no object of the catalog holds, so
/// that no IF NOT EXISTS can skip it silently for an older index of another shape.
/// </summary>
internal static class IndexProposal
{
    /// <param name="node">The scan the index serves.</param>
    /// <param name="keys">Key columns or expressions as SQL, already quoted (use <see cref="Columns"/> for plain names).</param>
    /// <param name="catalog">The names already taken; null when the plan was read without a catalog.</param>
    /// <param name="method">Access method.</param>
    /// <param name="prelude">SQL to run first, e.g. CREATE EXTENSION.</param>
    /// <param name="impact">Performance impact text; a B-tree default when empty.</param>
    public static Remedy Create(PlanNode node, IReadOnlyList<string> keys, CatalogSnapshot? catalog, string method = "btree", string? prelude = null, string impact = "")
    {
        var candidate = new IndexCandidate { Schema = node.Schema ?? "public", Table = node.RelationName!, Keys = keys, Method = method, Prerequisite = prelude };
        if (catalog is not null)
        {
            candidate = IndexNames.Assign([candidate], catalog)[0];
        }

        return new Remedy
        {
            Kind = ChangeKind.Index,
            Strategy = MigrationStrategy.OnlineDdl,
            Up = $"{prelude}{candidate.CreateStatement}",
            Down = candidate.DropStatement,
            Creates = [candidate.QualifiedName],
            PerformanceImpact = impact.Length > 0 ? impact : "Reads on this predicate become index scans; every insert and update of the table maintains one more index.",
            Testing = "Run `dbarch explain --analyze` on the statement before and after; the scan should become an index scan with lower cost and time.",
        };
    }

    /// <summary>Plain column names as quoted key SQL.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<string> names) => names.Select(SqlIdentifier.Quote).ToList();
}
