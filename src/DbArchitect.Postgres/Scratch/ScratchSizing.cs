using System.Globalization;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Scratch;

/// <summary>
/// Sizes a scratch server for the schema it will receive. One transaction may take a lock on every
/// relation of the copy (a script that indexes every table, the schema load itself), and the
/// server's shared lock table holds <c>max_locks_per_transaction × max_connections</c> entries:
/// at the default 10,000 tables with their indexes run out of it ("53200 out of shared memory").
/// </summary>
public static class ScratchSizing
{
    private const int Connections = 100;
    private const int Floor = 256;

    public static ScratchClusterOptions For(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var options = new ScratchClusterOptions();
        options.ExtraSettings.Add($"max_locks_per_transaction = {LocksPerTransaction(snapshot.Tables.Count + snapshot.Indexes.Count + snapshot.Sequences.Count).ToString(CultureInfo.InvariantCulture)}");
        return options;
    }

    /// <summary>Twice the relations (their TOAST tables and indexes, and the indexes a plan adds), spread over the connection slots.</summary>
    public static int LocksPerTransaction(int relations) =>
        Math.Max(Floor, (int)Math.Ceiling(relations * 2.0 / Connections) + 64);
}
