using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Remedies that change one server setting with ALTER SYSTEM. The rollback is ALTER SYSTEM RESET,
/// which returns the setting to what postgresql.conf (or the built-in default) says.
/// </summary>
internal static class SystemSettingRemedy
{
    /// <param name="name">Setting name, e.g. <c>work_mem</c>.</param>
    /// <param name="value">New value as PostgreSQL accepts it, e.g. <c>16MB</c>.</param>
    /// <param name="needsRestart">True for postmaster-context settings (shared_buffers, max_connections…).</param>
    /// <param name="performanceImpact">Expected effect, in words.</param>
    public static Remedy Create(string name, string value, bool needsRestart, string performanceImpact) =>
        Create(name, [value], needsRestart, performanceImpact);

    /// <summary>
    /// For list settings: each element its own literal, because a single literal holding commas is
    /// stored as one quoted element for settings such as shared_preload_libraries.
    /// </summary>
    public static Remedy Create(string name, IReadOnlyList<string> values, bool needsRestart, string performanceImpact)
    {
        var value = string.Join(", ", values);
        var valueSql = string.Join(", ", values.Select(SqlIdentifier.Literal));
        var apply = needsRestart
            ? "-- takes effect only after a server restart (postmaster-context setting)"
            : "SELECT pg_reload_conf();";
        return new Remedy
        {
            Kind = ChangeKind.Configuration,
            Strategy = MigrationStrategy.Configuration,
            Up = $"ALTER SYSTEM SET {name} = {valueSql};\n{apply}",
            Down = $"ALTER SYSTEM RESET {name};\n{apply}",
            PerformanceImpact = performanceImpact,
            Testing = needsRestart
                ? $"After the restart, SHOW {name}; returns {value}; watch memory and latency for a day."
                : $"SHOW {name}; returns {value} in a new session; SELECT pending_restart FROM pg_settings WHERE name = '{name}' is false.",
        };
    }
}
