using System.Globalization;

namespace DbArchitect.Postgres.Catalog.Reading;

internal static class SettingQuery
{
    public static readonly CatalogQuery<SettingInfo> Query = new("settings", row =>
    {
        var value = row.String("value");
        var unit = row.NullableName("unit");
        return new SettingInfo
        {
            Name = row.String("name"),
            Value = value,
            Unit = unit,
            Source = row.NullableName("source"),
            Bytes = ToBytes(value, unit),
        };
    });

    /// <summary>
    /// Memory settings count in units such as "8kB" (blocks) or "kB"; -1 (use another setting's
    /// value, or unlimited) has no size and stays null, as does anything that is not memory.
    /// </summary>
    internal static long? ToBytes(string value, string? unit)
    {
        if (unit is null || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount) || amount < 0)
        {
            return null;
        }

        var digits = unit.TakeWhile(char.IsAsciiDigit).Count();
        var multiplier = digits == 0 ? 1 : long.Parse(unit.AsSpan(0, digits), CultureInfo.InvariantCulture);
        long? scale = unit[digits..] switch
        {
            "B" => 1,
            "kB" => 1024,
            "MB" => 1024 * 1024,
            "GB" => 1024L * 1024 * 1024,
            "TB" => 1024L * 1024 * 1024 * 1024,
            _ => null,
        };
        return scale is null ? null : amount * multiplier * scale;
    }
}
