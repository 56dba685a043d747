using System.Globalization;
using System.Text;
using DbArchitect.Core.Failures;
using Npgsql;

namespace DbArchitect.Postgres.Scratch;

/// <summary>
/// pg_dump of one database: the one runner that the schema copy, the tests (target unchanged
/// before and after) and the benchmarks (the yardstick) share. It reads the database with the
/// connection string's credentials; the password travels in PGPASSWORD, never on a command line.
/// </summary>
public static class PgDump
{
    /// <param name="binDirectory">Where pg_dump is (a scratch cluster's <see cref="ScratchCluster.BinDirectory"/>).</param>
    /// <param name="connectionString">The database to dump, as Npgsql reads it.</param>
    /// <param name="options">pg_dump's options, such as <c>--schema-only</c>.</param>
    /// <param name="cancellationToken">Stops pg_dump.</param>
    /// <returns>pg_dump's output: the script, unless an option sends it to a file.</returns>
    /// <exception cref="DbArchitectException">pg_dump failed (unreachable, exit code 3), with its first line.</exception>
    public static async Task<string> RunAsync(string binDirectory, string connectionString, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(target.Password))
        {
            environment["PGPASSWORD"] = target.Password;
        }

        var result = await ProcessRunner.RunAsync(Path.Combine(binDirectory, "pg_dump"), [.. options, "--dbname=" + LibpqConnectionString(target)], cancellationToken, environment).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var reason = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {result.ExitCode}";
            throw new DbArchitectException(FailureKind.Unreachable, $"pg_dump cannot read {target.Database}: {reason}");
        }

        return result.StandardOutput;
    }

    // pg_dump speaks libpq, not Npgsql: carry over where to connect, and leave the password out.
    private static string LibpqConnectionString(NpgsqlConnectionStringBuilder target)
    {
        var parts = new List<(string Key, string? Value)>
        {
            ("host", target.Host),
            ("port", target.Port.ToString(CultureInfo.InvariantCulture)),
            ("dbname", target.Database),
            ("user", target.Username),
            ("connect_timeout", target.Timeout.ToString(CultureInfo.InvariantCulture)),
            ("sslmode", target.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            }),
            ("application_name", "dbarch-pg-dump"),
        };
        var text = new StringBuilder();
        foreach (var (key, value) in parts.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            text.Append(key).Append("='").Append(value!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("' ");
        }

        return text.ToString().TrimEnd();
    }
}
