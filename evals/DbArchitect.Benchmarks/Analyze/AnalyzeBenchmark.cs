using System.Diagnostics;
using System.Globalization;
using DbArchitect.Agent.Analysis;
using DbArchitect.Benchmarks.Catalog;
using DbArchitect.Postgres.Scratch;
using Npgsql;

namespace DbArchitect.Benchmarks.Analyze;

/// <summary>
/// The whole <c>analyze</c> (catalog, rules, plan, schema copy, every item's change and rollback on
/// the copy, validation, write) on a database of many tables, against <c>pg_dump --schema-only</c>
/// of the same database in the same run. With <c>--unindexed-fks</c> (the default) every table's
/// foreign key loses its index, so every table has a finding and the plan must stay readable.
/// Targets (issue 9 §1): at most 3× pg_dump's time, peak memory under 1 GB.
/// </summary>
internal sealed class AnalyzeBenchmark : IBenchmark
{
    private const double TargetRatio = 3.0;
    private const long TargetPeakBytes = 1024L * 1024 * 1024;

    public string Name => "analyze";

    public string Usage => "[--tables 10000] [--unindexed-fks true|false]  whole analyze vs pg_dump --schema-only";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var tables = arguments.Int("tables", 10_000);
        var unindexed = arguments.Text("unindexed-fks") != "false";
        var options = new ScratchClusterOptions();
        options.ExtraSettings.Add($"max_locks_per_transaction = {ScratchSizing.LocksPerTransaction(tables * 4)}");
        options.ExtraSettings.Add("autovacuum = off");
        await using var cluster = await ScratchCluster.StartAsync(options, cancellationToken);
        var connectionString = await cluster.CreateDatabaseAsync("bench", cancellationToken);
        await ManyTablesSchema.BuildAsync(connectionString, tables, new Progress<int>(done => Console.Error.Write($"\rbuilt {done}/{tables} tables")), cancellationToken);
        Console.Error.WriteLine();
        if (unindexed)
        {
            await DropForeignKeyIndexesAsync(connectionString, cancellationToken);
        }

        var dump = Stopwatch.StartNew();
        await PgDump.RunAsync(cluster.BinDirectory, connectionString, CatalogBenchmark.SchemaToNowhere, cancellationToken);
        dump.Stop();

        var output = Directory.CreateTempSubdirectory("dbarch-bench-analyze-");
        try
        {
            var stages = new StageClock();
            PeakMemory.TryReset();
            var run = Stopwatch.StartNew();
            var outcome = await new AnalyzePipeline().RunAsync(new AnalyzeRequest { ConnectionString = connectionString, OutputDirectory = output.FullName }, stages, cancellationToken);
            run.Stop();
            var peak = PeakMemory.Read();
            var todo = new FileInfo(outcome.WrittenTo!);
            var ratio = run.Elapsed / dump.Elapsed;

            Console.WriteLine($"analyze benchmark: {tables} tables{(unindexed ? ", every foreign key without an index" : "")}");
            Console.WriteLine($"  analyze             {Seconds(run.Elapsed)} s  ({outcome.Findings.Count} findings, {outcome.Document.Plan.Count} plan entries, {outcome.Document.Items.Count} items)");
            Console.WriteLine($"  pg_dump --schema-only {Seconds(dump.Elapsed)} s");
            Console.WriteLine($"  ratio               {ratio.ToString("F1", CultureInfo.InvariantCulture)} (target <= {TargetRatio.ToString("F0", CultureInfo.InvariantCulture)})");
            Console.WriteLine($"  peak memory         {(peak is { } bytes ? Megabytes(bytes) : "unknown")} MB (target <= {Megabytes(TargetPeakBytes)} MB)");
            Console.WriteLine($"  TODO                {Megabytes(todo.Length)} MB, {File.ReadLines(todo.FullName).Count()} lines");
            Console.WriteLine("  stages (seconds from the start):");
            foreach (var (at, stage) in stages.Marks)
            {
                Console.WriteLine($"    {Seconds(at),7}  {stage}");
            }

            var met = ratio <= TargetRatio && (peak ?? 0) <= TargetPeakBytes;
            Console.WriteLine(met ? "  targets met" : "  TARGETS MISSED");
            return met ? 0 : 1;
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task DropForeignKeyIndexesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            DO $$
            DECLARE i record;
            BEGIN
              FOR i IN SELECT indexrelid::regclass AS name FROM pg_index JOIN pg_class c ON c.oid = indexrelid WHERE c.relname LIKE '%\_parent\_id' LOOP
                EXECUTE format('DROP INDEX %s', i.name);
              END LOOP;
            END $$
            """, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>Records when each progress line arrived, to show where the time goes.</summary>
    private sealed class StageClock : IProgress<string>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<(TimeSpan At, string Stage)> Marks { get; } = [];

        public void Report(string value) => Marks.Add((_clock.Elapsed, value));
    }
}
