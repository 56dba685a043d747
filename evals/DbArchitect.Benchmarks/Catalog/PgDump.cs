using System.Diagnostics;
using System.Globalization;

namespace DbArchitect.Benchmarks.Catalog;

/// <summary><c>pg_dump --schema-only</c> of a scratch database to /dev/null: the yardstick the snapshot is timed against.</summary>
internal sealed class PgDump(string binDirectory, int port, string user, string database)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(binDirectory, "pg_dump"))
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--schema-only", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", user, "-d", database, "-f", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start pg_dump");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed: {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }
}
