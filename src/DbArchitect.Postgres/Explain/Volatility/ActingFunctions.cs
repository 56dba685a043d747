namespace DbArchitect.Postgres.Explain.Volatility;

/// <summary>
/// Functions that act on the server although pg_proc marks them STABLE or IMMUTABLE, or whose
/// effect no READ ONLY transaction stops (locks, notifications, signals, sequences, other
/// connections): never executed, whatever their volatility says.
/// </summary>
internal static class ActingFunctions
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "set_config", "pg_notify", "txid_current", "txid_current_if_assigned", "pg_current_xact_id",
        "pg_current_xact_id_if_assigned", "pg_cancel_backend", "pg_terminate_backend", "pg_reload_conf",
        "pg_rotate_logfile", "pg_sleep", "pg_sleep_for", "pg_sleep_until", "currval", "nextval", "setval", "lastval",
    };

    private static readonly string[] Prefixes = ["pg_advisory", "pg_try_advisory", "lo_"];

    /// <summary>Extensions whose every function reaches another server or database.</summary>
    public static readonly IReadOnlyList<string> Extensions = ["dblink", "postgres_fdw"];

    public static bool Contains(string name) =>
        Names.Contains(name)
        || Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
        || (name.StartsWith("pg_", StringComparison.Ordinal) && name.EndsWith("_reset", StringComparison.Ordinal));
}
