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
    /// A BRIN index keeps one summary per range of 128 pages, and a row appended at the table's
    /// end lands in a range not yet summarised (VACUUM summarises it later, in bulk): a written
    /// row costs it at most a share of one summary update, not an entry of its own.
    /// </summary>
    private const double PerWrittenRowBrin = PerWrittenRow / 128;

    /// <summary>
    /// Storage is charged in proportion to the workload it serves: an index as large as all the
    /// table data the workload reads must save at least this share of the workload's whole cost.
    /// Without such a charge every INCLUDE list that shaves a little more off a plan wins, and the
    /// advice grows to several times the data it indexes.
    /// </summary>
    public const double StorageShare = 0.04;

    /// <summary>Rows written since statistics were reset that each maintain every index: inserts and non-HOT updates.</summary>
    public static long WritesToMaintain(TableInfo? table) =>
        table is null ? 0 : table.Inserts + Math.Max(0, table.Updates - table.HotUpdates);

    /// <param name="method">The index's access method: BRIN is maintained per block range, not per row.</param>
    /// <param name="bytes">The index's estimated size.</param>
    /// <param name="writes">Written rows that would maintain it, in the workload's counting window.</param>
    /// <param name="costPerByte">Storage charge: <see cref="StorageShare"/> × workload cost ÷ bytes of the tables it reads.</param>
    public static double Penalty(string method, long bytes, long writes, double costPerByte) =>
        (method == "brin" ? PerWrittenRowBrin : PerWrittenRow) * writes + costPerByte * bytes;

    public static double CostPerByte(double workloadCost, long tableBytes) => tableBytes <= 0 ? 0 : StorageShare * workloadCost / tableBytes;
}
