using System.Globalization;
using Dapper;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// Scores lock findings with the live tables they lock, read once on the read-only target session
/// from <c>pg_stat_user_tables</c>: the same statement is a note on an empty table and an error
/// on a large or busy one. Findings on tables the live database does not have (created by a
/// migration not applied there yet) keep the rule's severity.
/// </summary>
public sealed class LiveRisk(TargetSession session, LiveRiskThresholds? thresholds = null)
{
    private readonly LiveRiskThresholds _thresholds = thresholds ?? new LiveRiskThresholds();

    private sealed record LiveTable(string Schema, string Name, long Rows, long Bytes, double WritesPerSecond);

    public async Task<IReadOnlyList<LintFinding>> ScoreAsync(IReadOnlyList<LintFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        await using var connection = await session.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var tables = (await connection.QueryAsync<LiveTable>(new CommandDefinition(
            """
            SELECT t.schemaname AS Schema, t.relname AS Name, greatest(c.reltuples, t.n_live_tup, 0)::bigint AS Rows, pg_total_relation_size(t.relid) AS Bytes,
                   (t.n_tup_ins + t.n_tup_upd + t.n_tup_del)::float8
                     / greatest(extract(epoch FROM now() - coalesce((SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()), pg_postmaster_start_time())), 1) AS WritesPerSecond
            FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid
            """, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        return [.. findings.Select(finding => Score(finding, tables)).OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line)];
    }

    private LintFinding Score(LintFinding finding, List<LiveTable> tables)
    {
        if (!finding.Finding.Evidence.Any(e => e.Label == "lock") || finding.Finding.Tables.FirstOrDefault() is not { } name || Find(name, tables) is not { } table)
        {
            return finding;
        }

        var busy = table.Rows >= _thresholds.LargeRows || table.Bytes >= _thresholds.LargeBytes || table.WritesPerSecond >= _thresholds.BusyWritesPerSecond;
        var severity = table.Rows == 0 && table.WritesPerSecond < 1 ? Severity.Info
            : busy ? (Severity)Math.Max((int)Severity.High, Math.Min((int)Severity.Critical, (int)finding.Finding.Severity + 1))
            : finding.Finding.Severity;
        var live = string.Create(CultureInfo.InvariantCulture,
            $"{MeasureText.Count(table.Rows)} rows, {MeasureText.Bytes(table.Bytes)}, {table.WritesPerSecond:0.#} writes/s on the live database");
        return finding with { Finding = finding.Finding with { Severity = severity, Evidence = [.. finding.Finding.Evidence, new Evidence("live table", live)] } };
    }

    /// <summary>The live table a finding names, as written in the migration: <c>schema.name</c>, or <c>name</c> in public first.</summary>
    private static LiveTable? Find(string name, List<LiveTable> tables)
    {
        var parts = name.Split('.', 2);
        return parts.Length == 2
            ? tables.FirstOrDefault(t => t.Schema == parts[0] && t.Name == parts[1])
            : tables.Where(t => t.Name == name).OrderBy(t => t.Schema == "public" ? 0 : 1).FirstOrDefault();
    }
}

/// <summary>What makes a locked table large or busy enough to raise a finding's severity.</summary>
public sealed record LiveRiskThresholds
{
    public long LargeRows { get; init; } = 1_000_000;

    public long LargeBytes { get; init; } = 1L << 30;

    public double BusyWritesPerSecond { get; init; } = 50;
}
