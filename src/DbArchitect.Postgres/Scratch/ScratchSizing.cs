using System.Globalization;
using DbArchitect.Postgres.Sessions;

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

    /// <summary>
    /// Sized from one count on the target, before its catalog has been read, so that the scratch
    /// copy can be made while the analysis reads the target.
    /// </summary>
    public static async Task<ScratchClusterOptions> ForAsync(TargetSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var command = session.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'");
        var relations = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var options = new ScratchClusterOptions();
        options.ExtraSettings.Add($"max_locks_per_transaction = {LocksPerTransaction(relations).ToString(CultureInfo.InvariantCulture)}");
        return options;
    }

    /// <summary>Twice the relations (their TOAST tables and indexes, and the indexes a plan adds), spread over the connection slots.</summary>
    public static int LocksPerTransaction(int relations) =>
        Math.Max(Floor, (int)Math.Ceiling(relations * 2.0 / Connections) + 64);
}
