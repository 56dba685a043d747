using System.Globalization;

namespace DbArchitect.Postgres.Scratch;

/// <summary>
/// Which process owns a scratch cluster: a file beside its data directory holding the owner's
/// PID and start time (so that a recycled PID is not taken for the owner). A cluster whose
/// owner is gone is nobody's, and the sweeper may stop it.
/// </summary>
internal static class ScratchOwner
{
    public static string FileOf(string dataDirectory) => dataDirectory + ".owner";

    public static void Claim(string dataDirectory) =>
        File.WriteAllText(FileOf(dataDirectory), Describe(Environment.ProcessId) ?? Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public static void Release(string dataDirectory) => File.Delete(FileOf(dataDirectory));

    /// <summary>True when the owner file names a process that no longer runs.</summary>
    public static bool IsGone(string dataDirectory)
    {
        var file = FileOf(dataDirectory);
        if (!File.Exists(file))
        {
            return false;
        }

        var recorded = File.ReadAllText(file).Trim();
        var pid = recorded.Split(' ')[0];
        return !int.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || Describe(id) != recorded;
    }

    /// <summary>"PID start-time" from /proc, or null when the process does not exist.</summary>
    private static string? Describe(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            // Field 22 (start time) follows the command name, which may itself hold spaces: count from the last ')'.
            var text = File.ReadAllText(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid.ToString(CultureInfo.InvariantCulture)} {fields[19]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
