using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Migrations;

/// <summary>A migration's down as it can be run: a down that holds no statement undoes nothing, so counts as none.</summary>
public static class MigrationDowns
{
    /// <returns>The down, or null when there is none or it holds no statement.</returns>
    public static MigrationScript? Runnable(Migration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return migration.Down is { } down && !PostgresScripts.Instance.HasNoStatement(down.Sql) ? down : null;
    }

    /// <summary>
    /// Whether a down without a statement may still be written, in code the linter does not read: the
    /// code readers list a migration's builder calls and computed SQL as not analysed, in its file.
    /// </summary>
    /// <remarks>The readers keep one list for the up and the down, so the calls may be the up's: the down is then unread, not shown to be empty.</remarks>
    public static bool WrittenInCode(Migration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return migration.Down is { } down && Runnable(migration) is null && migration.Unread.Any(u => u.Path == down.Path);
    }
}
