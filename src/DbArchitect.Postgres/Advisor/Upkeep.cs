using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// What an index costs to keep, in planner cost units so it can be set against the savings: every
/// row written to its table maintains one more index entry, and its pages compete for cache.
/// </summary>
internal static class Upkeep
{
    /// <summary>
    /// One index-entry insertion: a descent through cached upper pages, then a leaf page dirtied
    /// and a WAL record written. A random key dirties a page of its own (one page's worth,
    /// seq_page_cost = 1); an appended key shares its leaf with hundreds of others. One page is the
    /// cautious end of that range.
    /// </summary>
    private const double PerWrittenRow = 1.0;

    /// <summary>
    /// A light charge per 8 kB page, so that of two indexes saving the same the smaller wins and a
    /// large index must earn its space.
    /// </summary>
    private const double PerPage = 0.05;

    /// <summary>Rows written since statistics were reset that each maintain every index: inserts and non-HOT updates.</summary>
    public static long WritesToMaintain(TableInfo? table) =>
        table is null ? 0 : table.Inserts + Math.Max(0, table.Updates - table.HotUpdates);

    public static double Penalty(long bytes, long writes) => PerWrittenRow * writes + PerPage * (bytes / 8192.0);
}
