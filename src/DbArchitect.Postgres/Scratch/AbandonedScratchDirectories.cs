using System.Diagnostics;
using System.Globalization;

namespace DbArchitect.Postgres.Scratch;

/// <summary>
/// Cleans up after scratch clusters whose owner died before removing them (a test host killed at
/// exit, a process killed mid-copy). A cluster whose owner process is gone (see
/// <see cref="ScratchOwner"/>) has its server stopped and its directory removed; a directory with
/// no owner file and no running server is removed once it has been quiet for a while. A cluster
/// another live process is creating or running is never touched.
/// </summary>
internal static class AbandonedScratchDirectories
{
    public const string Prefix = "dbarch-scratch-";

    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);

    public static void Sweep()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                if (ScratchOwner.IsGone(directory))
                {
                    StopServer(directory);
                    Directory.Delete(directory, recursive: true);
                    ScratchOwner.Release(directory);
                }
                else if (!File.Exists(ScratchOwner.FileOf(directory)) && !File.Exists(Path.Combine(directory, "postmaster.pid")) && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > Quiet)
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's or in use: leave it.
            }
        }
    }

    /// <summary>Immediate shutdown (SIGQUIT) of the postmaster named in postmaster.pid, waiting briefly for it to go.</summary>
    private static void StopServer(string directory)
    {
        var pidFile = Path.Combine(directory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-QUIT", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit(5_000);
        }

        for (var waited = 0; waited < 50 && Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"); waited++)
        {
            Thread.Sleep(100);
        }
    }
}
