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
    /// Whether a down without a statement is still written, in code the linter does not read: the
    /// code readers list the builder calls and computed SQL of a migration's down method apart.
    /// </summary>
    public static bool WrittenInCode(Migration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return migration.Down is not null && Runnable(migration) is null && migration.UnreadInDown.Count > 0;
    }
}
