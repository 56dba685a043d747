using System.Globalization;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Sampling;

namespace DbArchitect.Postgres.Rules;

/// <summary>
/// What the connecting role could not read, so that a missing measurement never reads as a clean
/// one: tables without SELECT (no row samples, no pg_stats rows), settings PostgreSQL hides from
/// roles without pg_read_all_settings, sequences without USAGE or SELECT (their last value reads as
/// NULL), samples the server refused or cut short, and other roles' sessions and statements, which
/// only pg_read_all_stats shows. Rules skip what they cannot see; the Context names the gap and a
/// re-run does not tick the items that depend on it.
/// </summary>
public sealed record MeasurementGaps
{
    /// <summary>Settings the rules read that PostgreSQL shows only to superusers and pg_read_all_settings.</summary>
    public static readonly IReadOnlyList<string> RestrictedSettings = ["shared_preload_libraries"];

    public IReadOnlyList<string> UnreadableTables { get; init; } = [];
    public IReadOnlyList<string> HiddenSettings { get; init; } = [];

    /// <summary>Sequences whose progress the role may not read, with the table each feeds, if any.</summary>
    public IReadOnlyList<(string Sequence, string? Table)> UnreadableSequences { get; init; } = [];

    /// <summary>Readable tables whose sample the server still refused (column privileges) or cut short (statement timeout).</summary>
    public IReadOnlyList<string> UnsampledTables { get; init; } = [];

    /// <summary>What the samplers did, for the Context's account of the sources.</summary>
    public SampleCoverage RowSamples { get; init; } = new();

    /// <summary>pg_stat_activity and pg_stat_statements show this role's own sessions and statements only.</summary>
    public bool OwnStatisticsOnly { get; init; }

    public bool IsEmpty => UnreadableTables.Count == 0 && HiddenSettings.Count == 0 && UnreadableSequences.Count == 0 && UnsampledTables.Count == 0 && !OwnStatisticsOnly;

    // Findings drawn from other roles' sessions or statements, which such a role cannot see.
    private static readonly string[] FromAllStatistics = ["idle-in-transaction:", "connection-utilisation-high:", Advisor.AdvisorFindings.RecommendId];

    // Findings drawn from a sequence's last value.
    private static readonly string[] FromSequences = [Health.SequenceNearExhaustionRule.RuleId + ":", Types.IntegerKeyExhaustionRule.RuleId + ":"];

    public static MeasurementGaps Of(CatalogSnapshot snapshot, SampleCoverage? rowSamples = null, SampleCoverage? copySamples = null) => new()
    {
        UnreadableTables = [.. snapshot.Tables.Where(t => !t.Readable && t.Kind is TableKind.Table or TableKind.PartitionedTable or TableKind.MaterializedView).Select(t => t.QualifiedName).Order(StringComparer.Ordinal)],
        HiddenSettings = [.. RestrictedSettings.Where(name => snapshot.Setting(name) is null)],
        UnreadableSequences = [.. snapshot.Sequences.Where(s => !s.Readable).Select(s => (SqlIdentifier.Qualify(s.Schema, s.Name), s.OwnedByTable is null ? null : SqlIdentifier.Qualify(s.OwnedBySchema!, s.OwnedByTable)))],
        UnsampledTables = [.. (rowSamples?.Unmeasured ?? []).Concat(copySamples?.Unmeasured ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        RowSamples = rowSamples ?? new(),
        OwnStatisticsOnly = !snapshot.Server.ReadsAllStatistics,
    };

    /// <summary>One line per gap for the Context: what was not measured, and the grant that would measure it.</summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>();
        if (UnreadableTables.Count > 0)
        {
            notes.Add($"[not measured] no SELECT on {UnreadableTables.Count} tables ({Named(UnreadableTables)}): their rows were not sampled and pg_stats holds nothing on them, so the normalisation, denormalisation and value checks did not look at them; grant pg_read_all_data (or SELECT on them) to measure them.");
        }

        if (UnsampledTables.Count > 0)
        {
            notes.Add($"[not measured] the server refused or cut short the row sample of {UnsampledTables.Count} tables ({Named(UnsampledTables)}), so the checks that read sampled rows did not look at them; grant SELECT on every column (or pg_read_all_data), or raise the statement timeout, to measure them.");
        }

        if (UnreadableSequences.Count > 0)
        {
            notes.Add($"[not measured] no USAGE or SELECT on {UnreadableSequences.Count} sequences ({Named([.. UnreadableSequences.Select(s => s.Sequence)])}), so how far they have run was not checked; grant pg_read_all_data (or SELECT on them) to check them.");
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
    /// One line for the Context on what each source gave this run: read, empty or refused, so that
    /// a reader can tell a clean result from one that was never measured.
    /// </summary>
    /// <param name="snapshot">The catalog the gaps were found in.</param>
    /// <param name="otherSources">Accounts of sources read outside the facts, such as pg_stat_statements by the workload stage.</param>
    public string SourcesLine(CatalogSnapshot snapshot, params IEnumerable<string> otherSources)
    {
        var tables = snapshot.Tables.Count(t => t.Kind is TableKind.Table or TableKind.PartitionedTable or TableKind.MaterializedView);
        List<string> parts =
        [
            "catalog and statistics counters read",
            UnreadableTables.Count == 0 ? "pg_stats and row samples: every table readable" : $"pg_stats and row samples: refused on {UnreadableTables.Count} of {tables} tables",
            $"row samples: {RowSamples.Read.Count} tables read, {RowSamples.Empty.Count} empty, {RowSamples.Refused.Count} refused, {RowSamples.TimedOut.Count} timed out",
            UnreadableSequences.Count == 0 ? $"sequences: {snapshot.Sequences.Count} read" : $"sequences: {snapshot.Sequences.Count - UnreadableSequences.Count} read, {UnreadableSequences.Count} refused",
            HiddenSettings.Count == 0 ? "settings read" : $"settings read except {string.Join(", ", HiddenSettings)} (hidden)",
            OwnStatisticsOnly ? "sessions: this role's own only" : "sessions: all roles'",
            $"replication slots: {snapshot.ReplicationSlots.Count} read",
            .. otherSources,
        ];
        return "Sources this run: " + string.Join("; ", parts) + ".";
    }

    private static string Named(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(5)) + (names.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 5} more") : "");

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
        var named = tables.ToList();
        return UnreadableTables.Concat(UnsampledTables).Any(table => named.Contains(table, StringComparer.Ordinal) || Names(subject, table))
            || (FromSequences.Any(prefix => findingKey.StartsWith(prefix, StringComparison.Ordinal))
                && UnreadableSequences.Any(s => subject == s.Sequence || (s.Table is { } table && (named.Contains(table, StringComparer.Ordinal) || Names(subject, table)))))
            || (HiddenSettings.Count > 0 && findingKey.StartsWith(Configuration.PgStatStatementsMissingRule.RuleId + ":", StringComparison.Ordinal))
            || (OwnStatisticsOnly && FromAllStatistics.Any(prefix => findingKey.StartsWith(prefix, StringComparison.Ordinal)));
    }

    // A subject names a table as "schema.table", "schema.table(columns)" or "schema.table.column".
    private static bool Names(string subject, string table) =>
        subject == table || subject.StartsWith(table + "(", StringComparison.Ordinal) || subject.StartsWith(table + ".", StringComparison.Ordinal);
}
