using System.Globalization;

namespace DbArchitect.Postgres.Reporting;

/// <summary>Byte counts for people, in the units PostgreSQL's pg_size_pretty uses.</summary>
public static class Bytes
{
    public static string Format(long bytes)
    {
        string[] units = ["bytes", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 10 * 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value):0} {units[unit]}");
    }
}
