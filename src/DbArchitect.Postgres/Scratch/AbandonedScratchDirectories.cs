namespace DbArchitect.Postgres.Scratch;

/// <summary>
/// Removes data directories of scratch clusters whose owner died before deleting them (a test host
/// killed at exit, a Ctrl+C at the wrong moment). Only directories with no running server
/// (no postmaster.pid) that have not changed for a while are touched, so a cluster that another
/// process is creating or running right now is never at risk.
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
                if (!File.Exists(Path.Combine(directory, "postmaster.pid")) && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > Quiet)
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
}
