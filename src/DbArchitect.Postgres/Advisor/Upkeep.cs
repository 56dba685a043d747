using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// What an index costs to keep, in planner cost units so it can be set against the savings: every
/// row written to its table maintains one more index entry, and its pages compete for cache.
/// </summary>
internal static class Upkeep
{
    /// <summary>
    /// One index-entry insertion: a descent through cached upper pages and a leaf write with its
    /// WAL record, about two sequential page reads' worth (seq_page_cost = 1).
    /// </summary>
    private const double PerWrittenRow = 2.0;

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
