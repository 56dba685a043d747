using System.Globalization;

namespace DbArchitect.Benchmarks;

/// <summary>
/// The process's peak resident set (VmHWM). Linux lets a process reset its own high-water mark
/// (writing 5 to /proc/self/clear_refs), so one phase can be measured apart from set-up before it.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Resets the high-water mark to the current resident set; false where the kernel does not allow it.</summary>
    public static bool TryReset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>VmHWM in bytes, or null off Linux.</summary>
    public static long? Read() => Status("VmHWM:");

    /// <summary>The resident set now (VmRSS) in bytes, or null off Linux: what a peak after a reset grew from.</summary>
    public static long? Resident() => Status("VmRSS:");

    private static long? Status(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
