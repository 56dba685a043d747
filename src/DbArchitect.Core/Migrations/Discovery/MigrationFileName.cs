using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>What a migration's file name says under each convention: version, name, direction.</summary>
internal static partial class MigrationFileName
{
    /// <summary>Dialects a dialect-suffixed file (popx: <c>1_name.postgres.up.sql</c>) may name and still be PostgreSQL's.</summary>
    private static readonly HashSet<string> PostgresDialects = new(StringComparer.OrdinalIgnoreCase) { "postgres", "postgresql", "pg" };

    /// <summary>Engines a folder of migrations may be named for (<c>mysql-persistence/</c>, <c>migrations/sqlite/</c>) when it is not PostgreSQL's.</summary>
    private static readonly string[] OtherEngines = ["mysql", "mariadb", "sqlite", "mssql", "sqlserver", "oracle", "cockroach", "clickhouse"];

    /// <summary>The other engine a folder's path names in one of its parts, if any.</summary>
    public static string? OtherEngineOf(string relativeFolder) =>
        relativeFolder.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Select(part => OtherEngines.FirstOrDefault(engine => part.Contains(engine, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(engine => engine is not null);

    public static bool IsFlyway(string file, out char prefix, out string version, out string name)
    {
        var match = Flyway().Match(file);
        (prefix, version, name) = match.Success
            ? (match.Groups["prefix"].Value[0], match.Groups["version"].Value, match.Groups["name"].Value)
            : ('\0', "", "");
        return match.Success;
    }

    /// <summary>golang-migrate or popx; <paramref name="otherDialect"/> names a dialect that is not PostgreSQL's, <paramref name="forPostgres"/> says the file names PostgreSQL's.</summary>
    public static bool IsUpDown(string file, out string version, out string name, out bool up, out string? otherDialect, out bool forPostgres)
    {
        var match = UpDown().Match(file);
        version = match.Groups["version"].Value;
        name = match.Groups["name"].Value;
        up = match.Groups["direction"].Value.Equals("up", StringComparison.OrdinalIgnoreCase);
        var dialect = match.Groups["dialect"];
        otherDialect = dialect.Success && !PostgresDialects.Contains(dialect.Value) ? dialect.Value : null;
        forPostgres = dialect.Success && otherDialect is null;
        return match.Success;
    }

    /// <summary>A numbered single-file migration (dbmate, goose): <c>20240101120000_name.sql</c>.</summary>
    public static bool IsNumbered(string file, out string version, out string name)
    {
        var match = Numbered().Match(file);
        (version, name) = (match.Groups["version"].Value, match.Groups["name"].Value);
        return match.Success;
    }

    /// <summary>Prisma's folder of one migration: <c>20240101120000_name</c>.</summary>
    public static bool IsPrismaFolder(string folder, out string version, out string name) => IsNumbered(folder + ".sql", out version, out name);

    /// <summary>Versions compare part by part as numbers (1.10 after 1.9), then as text.</summary>
    public static int CompareVersions(string left, string right)
    {
        var (a, b) = (left.Split('.', '_'), right.Split('.', '_'));
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = decimal.TryParse(a[i], out var x) && decimal.TryParse(b[i], out var y) ? x.CompareTo(y) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    [GeneratedRegex(@"^(?<prefix>[VU])(?<version>\d+(?:[._]\d+)*)__(?<name>.+)\.sql$|^(?<prefix>R)__(?<name>.+)\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex Flyway();

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>[^.]+)(?:\.(?<dialect>[A-Za-z0-9]+))?\.(?<direction>up|down)\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex UpDown();

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>[^.]+)\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();
}
