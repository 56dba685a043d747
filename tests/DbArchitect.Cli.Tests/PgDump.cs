namespace DbArchitect.Cli.Tests;

/// <summary>pg_dump of a whole database (schema and data), minus the per-run \restrict key lines.</summary>
internal static class PgDump
{
    public static async Task<string> DumpAsync(string connectionString)
    {
        var dump = await Postgres.Scratch.PgDump.RunAsync("/usr/lib/postgresql/15/bin", connectionString, ["--no-sync"], CancellationToken.None);
        return string.Join('\n', dump.Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }
}
