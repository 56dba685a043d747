namespace DbArchitect.Cli;

/// <summary>
/// Finds an output directory that cannot be written before the analysis, not after minutes of it:
/// the TODO is written through a temporary file beside it, so that is what is tried.
/// </summary>
internal static class OutputProbe
{
    /// <summary>Null when a file can be created and removed in <paramref name="directory"/>; else why not.</summary>
    public static string? Refusal(DirectoryInfo directory)
    {
        var probe = Path.Combine(directory.FullName, $".dbarch-probe-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
