using System.Diagnostics;
using System.Globalization;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Benchmarks.Catalog;

/// <summary>
/// Times <see cref="CatalogReader.ReadAsync"/> against <c>pg_dump --schema-only</c> on a scratch
/// database of many tables, and reports round trips and the snapshot's peak memory. Targets
/// (issue 2 §7): snapshot at most half pg_dump's time, round trips independent of table count,
/// peak resident memory at most 400 MB.
/// </summary>
internal sealed class CatalogBenchmark : IBenchmark
{
    private const int Runs = 3;
    private const double TargetRatio = 0.5;
    private const long TargetPeakBytes = 400L * 1024 * 1024;

    /// <summary>pg_dump's options for the yardstick: the schema, written nowhere.</summary>
    public static readonly IReadOnlyList<string> SchemaToNowhere = ["--schema-only", "--file=/dev/null"];

    public string Name => "catalog";

    public string Usage => "[--tables 10000]  catalog snapshot vs pg_dump --schema-only";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var tables = arguments.Int("tables", 10_000);
        var options = new ScratchClusterOptions { BinDirectory = BinDirectory() };
        options.ExtraSettings.Add("max_locks_per_transaction = 1024");
        options.ExtraSettings.Add("autovacuum = off");

        await using var cluster = await ScratchCluster.StartAsync(options, cancellationToken);
        var connectionString = await cluster.CreateDatabaseAsync("bench", cancellationToken);
        var build = Stopwatch.StartNew();
        await ManyTablesSchema.BuildAsync(connectionString, tables, new Progress<int>(done => Console.Error.Write($"\rbuilt {done}/{tables} tables")), cancellationToken);
        Console.Error.WriteLine($"\rbuilt {tables} tables in {build.Elapsed.TotalSeconds:F1} s");

        await using var dataSource = TargetDataSource.Create(connectionString);
        var reader = new CatalogReader(dataSource);
        var snapshotTime = await BestOf.MeasureAsync(Runs, () => ColdSnapshotAsync(dataSource, reader, cancellationToken));
        var dumpTime = await BestOf.MeasureAsync(Runs, () => PgDump.RunAsync(cluster.BinDirectory, connectionString, SchemaToNowhere, cancellationToken));

        var resetWorked = PeakMemory.TryReset();
        var snapshot = await ColdSnapshotAsync(dataSource, reader, cancellationToken);
        var peak = PeakMemory.Read();

        var ratio = snapshotTime / dumpTime;
        Console.WriteLine($"catalog benchmark: PostgreSQL {snapshot.Server.Version}, {tables} tables");
        Console.WriteLine($"  snapshot objects    {snapshot.Tables.Count} relations, {snapshot.Columns.Count} columns, {snapshot.Indexes.Count} indexes, {snapshot.Constraints.Count} constraints");
        Console.WriteLine($"  snapshot            {Milliseconds(snapshotTime)} ms (best of {Runs} after a warm-up, fresh server sessions each time)");
        Console.WriteLine($"  pg_dump --schema-only {Milliseconds(dumpTime)} ms (best of {Runs} after a warm-up)");
        Console.WriteLine($"  ratio               {ratio.ToString("F2", CultureInfo.InvariantCulture)} (target <= {TargetRatio.ToString("F1", CultureInfo.InvariantCulture)})");
        Console.WriteLine($"  round trips         {snapshot.RoundTrips} (fixed: snapshot export, two parallel batches, two commits)");
        Console.WriteLine(peak is { } bytes
            ? $"  peak memory         {Megabytes(bytes)} MB {(resetWorked ? "(VmHWM of one snapshot, reset before it)" : "(VmHWM of the whole process)")} (target <= {Megabytes(TargetPeakBytes)} MB)"
            : "  peak memory         unknown (no /proc/self/status)");

        var met = ratio <= TargetRatio && (peak ?? 0) <= TargetPeakBytes;
        Console.WriteLine(met ? "  targets met" : "  TARGETS MISSED");
        return met ? 0 : 1;
    }

    /// <summary>A snapshot on new server sessions, as a real run gets: pooled sessions would keep their catalog caches warm, which pg_dump never has.</summary>
    private static Task<CatalogSnapshot> ColdSnapshotAsync(Npgsql.NpgsqlDataSource dataSource, CatalogReader reader, CancellationToken cancellationToken)
    {
        dataSource.Clear();
        return reader.ReadAsync(cancellationToken);
    }

    private static string BinDirectory() =>
        Environment.GetEnvironmentVariable("DBARCH_PG_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture);
}
