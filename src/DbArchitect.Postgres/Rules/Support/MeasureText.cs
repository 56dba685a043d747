using System.Globalization;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>Numbers from the database written the way evidence shows them to people.</summary>
public static class MeasureText
{
    private static readonly string[] ByteUnits = ["bytes", "kB", "MB", "GB", "TB"];

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Decimal(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < ByteUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} bytes" : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + ByteUnits[unit];
    }

    public static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture) + " days";

    public static string Date(DateTimeOffset? at) =>
        at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";
}
