using System.Globalization;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>Typed reads of pg_settings values from the snapshot.</summary>
internal static class ServerSettings
{
    public static SettingInfo? Setting(this CatalogSnapshot snapshot, string name) =>
        snapshot.Settings.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    public static long? SettingNumber(this CatalogSnapshot snapshot, string name) =>
        snapshot.Setting(name) is { } setting && long.TryParse(setting.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static bool? SettingSwitch(this CatalogSnapshot snapshot, string name) => snapshot.Setting(name)?.Value switch
    {
        "on" or "true" or "yes" or "1" => true,
        "off" or "false" or "no" or "0" => false,
        _ => null,
    };

    /// <summary>The value of a memory setting in bytes, from <see cref="SettingInfo.Bytes"/> or from value times unit.</summary>
    public static long? SettingBytes(this CatalogSnapshot snapshot, string name)
    {
        if (snapshot.Setting(name) is not { } setting)
        {
            return null;
        }

        if (setting.Bytes is { } bytes)
        {
            return bytes;
        }

        if (snapshot.SettingNumber(name) is not { } value)
        {
            return null;
        }

        return setting.Unit switch
        {
            "B" => value,
            "kB" => value * 1024,
            "8kB" => value * 8192,
            "MB" => value * 1024 * 1024,
            "16MB" => value * 16 * 1024 * 1024,
            _ => null,
        };
    }
}
