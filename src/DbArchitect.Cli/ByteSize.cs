using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Cli;

/// <summary>Sizes as people type them on a command line: <c>500MB</c>, <c>2 GB</c>, <c>64kB</c>, <c>1048576</c>.</summary>
internal static partial class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1L,
            "KB" => 1L << 10,
            "MB" => 1L << 20,
            "GB" => 1L << 30,
            "TB" => 1L << 40,
            _ => 0L,
        };
        bytes = (long)(number * unit);
        return unit > 0 && bytes > 0;
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<unit>[A-Za-z]*)$")]
    private static partial Regex Pattern();
}
