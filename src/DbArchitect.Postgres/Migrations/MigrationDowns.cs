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
}
