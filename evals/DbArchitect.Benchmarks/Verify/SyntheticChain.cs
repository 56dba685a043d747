using System.Globalization;
using DbArchitect.Core.Migrations;

namespace DbArchitect.Benchmarks.Verify;

/// <summary>A chain of migrations of the three commonest kinds, each with its down: a new table, a new column on it, an index on it.</summary>
internal static class SyntheticChain
{
    public static MigrationChain Of(int migrations) => new()
    {
        Root = "synthetic",
        Migrations = [.. Enumerable.Range(1, migrations).Select(Migration)],
    };

    private static Migration Migration(int version)
    {
        var table = string.Create(CultureInfo.InvariantCulture, $"t{(version - 1) / 3}");
        (string Up, string Down) script = ((version - 1) % 3) switch
        {
            0 => ($"CREATE TABLE {table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a text NOT NULL, b integer);", $"DROP TABLE {table};"),
            1 => ($"ALTER TABLE {table} ADD COLUMN c text;", $"ALTER TABLE {table} DROP COLUMN c;"),
            _ => ($"CREATE INDEX {table}_b_idx ON {table} (b);", $"DROP INDEX {table}_b_idx;"),
        };
        var name = version.ToString("D4", CultureInfo.InvariantCulture);
        return new Migration
        {
            Version = name,
            Name = "step",
            Convention = MigrationConvention.UpDownFiles,
            Up = new MigrationScript($"{name}_step.up.sql", 1, script.Up),
            Down = new MigrationScript($"{name}_step.down.sql", 1, script.Down),
            HasDownConvention = true,
        };
    }
}
