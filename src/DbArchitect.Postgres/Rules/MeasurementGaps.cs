using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules;

/// <summary>
/// What the connecting role could not read, so that a missing measurement never reads as a clean
/// one: tables without SELECT (no row samples, no pg_stats rows), settings PostgreSQL hides from
/// roles without pg_read_all_settings, and other roles' sessions and statements, which only
/// pg_read_all_stats shows. Rules skip what they cannot see; the Context names the gap
/// and a re-run does not tick the items that depend on it.
/// </summary>
public sealed record MeasurementGaps
{
    /// <summary>Settings the rules read that PostgreSQL shows only to superusers and pg_read_all_settings.</summary>
    public static readonly IReadOnlyList<string> RestrictedSettings = ["shared_preload_libraries"];

    public IReadOnlyList<string> UnreadableTables { get; init; } = [];
    public IReadOnlyList<string> HiddenSettings { get; init; } = [];

    /// <summary>pg_stat_activity and pg_stat_statements show this role's own sessions and statements only.</summary>
    public bool OwnStatisticsOnly { get; init; }

    public bool IsEmpty => UnreadableTables.Count == 0 && HiddenSettings.Count == 0 && !OwnStatisticsOnly;

    // Findings drawn from other roles' sessions or statements, which such a role cannot see.
    private static readonly string[] FromAllStatistics = ["idle-in-transaction:", "connection-utilisation-high:", Advisor.AdvisorFindings.RecommendId];

    public static MeasurementGaps Of(CatalogSnapshot snapshot) => new()
    {
        UnreadableTables = [.. snapshot.Tables.Where(t => !t.Readable && t.Kind is TableKind.Table or TableKind.PartitionedTable or TableKind.MaterializedView).Select(t => t.QualifiedName).Order(StringComparer.Ordinal)],
        HiddenSettings = [.. RestrictedSettings.Where(name => snapshot.Setting(name) is null)],
        OwnStatisticsOnly = !snapshot.Server.ReadsAllStatistics,
    };

    /// <summary>One line per gap for the Context: what was not measured, and the grant that would measure it.</summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>();
        if (UnreadableTables.Count > 0)
        {
            var named = string.Join(", ", UnreadableTables.Take(5)) + (UnreadableTables.Count > 5 ? $" and {UnreadableTables.Count - 5} more" : "");
            notes.Add($"[not measured] no SELECT on {UnreadableTables.Count} tables ({named}): their rows were not sampled and pg_stats holds nothing on them, so the normalisation, denormalisation and value checks did not look at them; grant pg_read_all_data (or SELECT on them) to measure them.");
        }

        if (HiddenSettings.Count > 0)
        {
            notes.Add($"[not measured] {string.Join(", ", HiddenSettings)} is hidden from this role, so whether pg_stat_statements is preloaded was not checked; grant pg_read_all_settings (pg_monitor includes it) to check it.");
        }

        if (OwnStatisticsOnly)
        {
            notes.Add("[not measured] other roles' sessions and statements are hidden from this role (it lacks pg_read_all_stats), so connections, idle transactions and the pg_stat_statements workload cover its own only; grant pg_monitor to see them all.");
        }

        return notes;
    }

    /// <summary>
    /// Whether a finding (by key and the tables it names) may have gone unseen because of a gap:
    /// such an item stays open rather than being ticked as resolved.
    /// </summary>
    public bool MayHide(string findingKey, IEnumerable<string> tables)
    {
        if (IsEmpty)
        {
            return false;
        }

        var subject = findingKey[(findingKey.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return UnreadableTables.Any(table => tables.Contains(table, StringComparer.Ordinal) || Names(subject, table))
            || (HiddenSettings.Count > 0 && findingKey.StartsWith(Configuration.PgStatStatementsMissingRule.RuleId + ":", StringComparison.Ordinal))
            || (OwnStatisticsOnly && FromAllStatistics.Any(prefix => findingKey.StartsWith(prefix, StringComparison.Ordinal)));
    }

    // A subject names a table as "schema.table", "schema.table(columns)" or "schema.table.column".
    private static bool Names(string subject, string table) =>
        subject == table || subject.StartsWith(table + "(", StringComparison.Ordinal) || subject.StartsWith(table + ".", StringComparison.Ordinal);
}
