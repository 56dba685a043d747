using System.Diagnostics;
using System.Globalization;
using DbArchitect.Benchmarks.Split.Baseline;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Validation;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Benchmarks.Split;

/// <summary>
/// Times the script splitter on a generated ~10 MB script: the old hand-written splitter (the
/// baseline) against <see cref="SqlScript.Split"/> on libpg_query's lexer, libpg_query's own split
/// with the parser for reference, the fingerprint of every statement, and the normalization of every
/// statement (old hand-written <see cref="SqlText.Normalize"/> against the new one, which a workload
/// review runs on every log entry). Both splitters must find the same statements (compared with
/// whitespace collapsed: the new one keeps a line comment's line end); the normalizers may differ,
/// since the new one follows the parser on what a constant is, and the count of statements they
/// normalize differently is shown.
/// </summary>
internal sealed class SplitBenchmark : IBenchmark
{
    private const int Runs = 3;

    public string Name => "split";

    public string Usage => "[--megabytes 10]  script splitting: hand-written baseline vs libpg_query, and fingerprints";

    public Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var sql = SplitWorkload.Generate(arguments.Int("megabytes", 10));
        var script = SplitWorkload.AsDump(sql);

        IReadOnlyList<string> baseline = [];
        IReadOnlyList<string> statements = [];
        var baselineTime = Best(() => baseline = HandWrittenSplitter.Split(script, skipPsqlMetaCommands: true), cancellationToken);
        var newTime = Best(() => statements = SqlScript.Split(script, skipPsqlMetaCommands: true), cancellationToken);
        // The parser rejects psql's meta-commands, so it reads the script without its frame.
        var parserTime = Best(() => PgQuery.Split(sql), cancellationToken);

        var resetWorked = PeakMemory.TryReset();
        var resident = PeakMemory.Resident();
        SqlScript.Split(script, skipPsqlMetaCommands: true);
        var peak = PeakMemory.Read();

        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        var fingerprintTime = Best(
            () =>
            {
                fingerprints.Clear();
                foreach (var statement in statements)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    fingerprints.Add(PgQuery.Fingerprint(statement));
                }
            },
            cancellationToken);

        var oldNormalized = new List<string>(statements.Count);
        var normalized = new List<string>(statements.Count);
        var oldNormalizeTime = Best(() => NormalizeAll(statements, HandWrittenNormalizer.Normalize, oldNormalized, cancellationToken), cancellationToken);
        var normalizeTime = Best(() => NormalizeAll(statements, SqlText.Normalize, normalized, cancellationToken), cancellationToken);
        var normalizedDifferently = oldNormalized.Zip(normalized).Count(pair => pair.First != pair.Second);

        var differing = baseline.Count == statements.Count
            ? baseline.Zip(statements).Count(pair => Collapsed(pair.First) != Collapsed(pair.Second))
            : -1;

        Console.WriteLine($"split benchmark: {SplitWorkload.Megabytes(script)} MB script, {statements.Count:N0} statements (best of {Runs} after a warm-up)");
        Console.WriteLine($"  hand-written splitter (baseline)  {Milliseconds(baselineTime),7} ms  {baseline.Count:N0} statements");
        Console.WriteLine($"  SqlScript.Split (libpg_query)     {Milliseconds(newTime),7} ms  ratio new/baseline {Ratio(newTime, baselineTime)}");
        Console.WriteLine($"  PgQuery.Split (parser, reference) {Milliseconds(parserTime),7} ms  ratio parser/baseline {Ratio(parserTime, baselineTime)}");
        Console.WriteLine($"  fingerprint of every statement    {Milliseconds(fingerprintTime),7} ms  {PerStatement(fingerprintTime, statements.Count)} µs per statement, {fingerprints.Count:N0} distinct");
        Console.WriteLine($"  hand-written normalize (baseline) {Milliseconds(oldNormalizeTime),7} ms  {PerStatement(oldNormalizeTime, statements.Count)} µs per statement");
        Console.WriteLine($"  SqlText.Normalize (libpg_query)   {Milliseconds(normalizeTime),7} ms  {PerStatement(normalizeTime, statements.Count)} µs per statement, ratio new/baseline {Ratio(normalizeTime, oldNormalizeTime)}, {normalizedDifferently:N0} normalized differently");
        Console.WriteLine(peak is { } bytes && resident is { } before && resetWorked
            ? $"  peak memory of one new split      +{(bytes - before) / (1024 * 1024)} MB over the {before / (1024 * 1024)} MB resident before it (VmHWM, reset)"
            : "  peak memory                       unknown (no /proc/self/status, or VmHWM cannot be reset)");
        Console.WriteLine(differing == 0
            ? "  both splitters found the same statements"
            : $"  SPLITTERS DISAGREE: {(differing < 0 ? $"{baseline.Count} against {statements.Count} statements" : $"{differing} statements differ")}");
        return Task.FromResult(differing == 0 ? 0 : 1);
    }

    private static TimeSpan Best(Action action, CancellationToken cancellationToken)
    {
        action();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < Runs; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static void NormalizeAll(IReadOnlyList<string> statements, Func<string, string> normalize, List<string> results, CancellationToken cancellationToken)
    {
        results.Clear();
        foreach (var statement in statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(normalize(statement));
        }
    }

    private static string PerStatement(TimeSpan time, int statements) =>
        (time.TotalMicroseconds / Math.Max(1, statements)).ToString("F1", CultureInfo.InvariantCulture);

    private static string Collapsed(string statement) => string.Join(' ', statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

    private static string Ratio(TimeSpan time, TimeSpan baseline) => (time / baseline).ToString("F2", CultureInfo.InvariantCulture);
}
