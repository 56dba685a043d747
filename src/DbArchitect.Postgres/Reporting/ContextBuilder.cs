using System.Globalization;
using DbArchitect.Core.Todo;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Reporting;

/// <summary>
/// Writes the TODO's Context section from a catalog snapshot: engine and version, a schema
/// overview with an ER diagram and a data dictionary, volumes and workload signals. Bounded in
/// size so that a 10,000-table database still gives a readable document.
/// </summary>
public static class ContextBuilder
{
    /// <summary>Tables described in full in the data dictionary and diagram; the rest are counted.</summary>
    public const int MaxTablesDescribed = 40;

    /// <summary>
    /// The Context of an analysis run: what the facts could not measure leads the pain points, and
    /// the line on what each source gave, then the statements the workload could not plan, lead the
    /// workload notes.
    /// </summary>
    public static TodoContext ForRun(AnalysisFacts facts, PlannedWorkload workload, string source, string generator, IReadOnlyList<string> painPoints)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(workload);
        return Build(facts.Snapshot, source, generator, [.. facts.Gaps.Notes(), .. painPoints],
            [facts.Gaps.SourcesLine(facts.Snapshot, workload.FromStatistics.Describe(facts.Gaps.OwnStatisticsOnly)), .. workload.NotPlanned]);
    }

    /// <summary>The Context; <paramref name="workloadNotes"/> is what the workload review has to say beside the figures, such as statements it could not plan and why.</summary>
    public static TodoContext Build(CatalogSnapshot snapshot, string source, string generator, IReadOnlyList<string> painPoints, IReadOnlyList<string>? workloadNotes = null)
    {
        var tables = snapshot.Tables.Where(t => t.Kind is TableKind.Table or TableKind.PartitionedTable && !t.IsPartition).ToList();
        var described = tables
            .OrderByDescending(t => t.TotalBytes)
            .ThenBy(t => t.QualifiedName, StringComparer.Ordinal)
            .Take(MaxTablesDescribed)
            .OrderBy(t => t.QualifiedName, StringComparer.Ordinal)
            .ToList();

        return new TodoContext
        {
            Engine = "PostgreSQL",
            EngineVersion = snapshot.Server.Version,
            Source = source,
            Generator = generator,
            SchemaOverview = Overview(snapshot, tables, described.Count),
            ErDiagram = MermaidErDiagram.Render(snapshot, described),
            DataDictionary = described.Select(t => DictionaryEntry(snapshot, t)).ToList(),
            PainPoints = painPoints,
            Volumes = Volumes(snapshot, tables),
            Workload = [.. Workload(snapshot, tables), .. workloadNotes ?? []],
        };
    }

    private static string Overview(CatalogSnapshot snapshot, IReadOnlyList<TableInfo> tables, int describedCount)
    {
        var views = snapshot.Tables.Count(t => t.Kind == TableKind.View);
        var materialized = snapshot.Tables.Count(t => t.Kind == TableKind.MaterializedView);
        var partitioned = tables.Count(t => t.Kind == TableKind.PartitionedTable);
        var foreignKeys = snapshot.Constraints.Count(c => c.Kind == ConstraintKind.ForeignKey);
        var schemas = string.Join(", ", snapshot.Schemas.Select(s => SqlIdentifier.Quote(s.Name)));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Database {SqlIdentifier.Quote(snapshot.Server.Database)} ({MeasureText.Bytes(snapshot.Server.DatabaseSizeBytes)}): {tables.Count} tables ({partitioned} partitioned), {views} views, {materialized} materialized views, {snapshot.Indexes.Count} indexes, {foreignKeys} foreign keys, {snapshot.Sequences.Count} sequences in schemas {schemas}. Extensions: {string.Join(", ", snapshot.Extensions.Where(e => e.Installed).Select(e => $"{e.Name} {e.InstalledVersion}"))}.");
        return describedCount < tables.Count
            ? text + string.Create(CultureInfo.InvariantCulture, $" The diagram and dictionary show the {describedCount} largest tables.")
            : text;
    }

    private static DataDictionaryEntry DictionaryEntry(CatalogSnapshot snapshot, TableInfo table)
    {
        var primaryKey = snapshot.Constraints.FirstOrDefault(c => c.TableOid == table.Oid && c.Kind == ConstraintKind.PrimaryKey);
        var foreignKeys = snapshot.Constraints.Where(c => c.TableOid == table.Oid && c.Kind == ConstraintKind.ForeignKey).ToList();
        var columns = snapshot.Columns
            .Where(c => c.TableOid == table.Oid)
            .OrderBy(c => c.Position)
            .Select(c =>
            {
                var parts = new List<string> { SqlIdentifier.Quote(c.Name), c.DataType };
                if (c.NotNull)
                {
                    parts.Add("NOT NULL");
                }

                if (primaryKey?.Columns.Contains(c.Name) == true)
                {
                    parts.Add("PK");
                }

                var reference = foreignKeys.FirstOrDefault(f => f.Columns.Contains(c.Name));
                if (reference is not null)
                {
                    parts.Add($"FK → {SqlIdentifier.Qualify(reference.ReferencedSchema!, reference.ReferencedTable!)}");
                }

                return string.Join(' ', parts);
            })
            .ToList();

        return new DataDictionaryEntry
        {
            Table = table.QualifiedName,
            EstimatedRows = Math.Max(0, (long)table.EstimatedRows),
            Size = MeasureText.Bytes(table.TotalBytes),
            Columns = columns,
            Comment = table.Comment ?? "",
        };
    }

    private static List<string> Volumes(CatalogSnapshot snapshot, IReadOnlyList<TableInfo> tables)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Total database size {MeasureText.Bytes(snapshot.Server.DatabaseSizeBytes)}; {tables.Sum(t => Math.Max(0, (long)t.EstimatedRows)):N0} estimated rows across {tables.Count} tables."),
        };
        var since = snapshot.Server.StatsReset ?? snapshot.Server.ServerStarted;
        var days = Math.Max((snapshot.Server.SnapshotTakenAt - since).TotalDays, 1.0 / 24);
        foreach (var table in tables.OrderByDescending(t => t.TotalBytes).ThenBy(t => t.QualifiedName, StringComparer.Ordinal).Take(5))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{table.QualifiedName}: {Math.Max(0, (long)table.EstimatedRows):N0} rows, {MeasureText.Bytes(table.TotalBytes)} ({MeasureText.Bytes(table.IndexBytes)} in indexes), {table.Inserts / days:N0} inserts/day since statistics began {since:yyyy-MM-dd}."));
        }

        return lines;
    }

    private static List<string> Workload(CatalogSnapshot snapshot, IReadOnlyList<TableInfo> tables)
    {
        var reads = tables.Sum(t => t.SeqScans + t.IndexScans);
        var writes = tables.Sum(t => t.Inserts + t.Updates + t.Deletes);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{reads:N0} table scans ({tables.Sum(t => t.IndexScans):N0} by index) against {writes:N0} row writes since statistics began."),
        };
        foreach (var table in tables.Where(t => t.SeqScans > 0).OrderByDescending(t => t.SeqTuplesRead).ThenBy(t => t.QualifiedName, StringComparer.Ordinal).Take(5))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{table.QualifiedName}: {table.SeqScans:N0} sequential scans reading {table.SeqTuplesRead:N0} rows, {table.IndexScans:N0} index scans."));
        }

        lines.Add(snapshot.Extensions.Any(e => e.Name == "pg_stat_statements" && e.Installed)
            ? "pg_stat_statements is installed: statement-level workload is available to `dbarch advise`."
            : "pg_stat_statements is not installed: statement-level workload is not visible.");
        lines.Add("dbarch's own activity is kept out of these figures: it reads the statistics before it samples, samples by TABLESAMPLE (which no seq_scan counter counts, though the rows add to seq_tup_read), and marks its statements /* dbarch */ so that no workload includes them.");
        return lines;
    }
}
