using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Migrations.Verification;
using DbArchitect.Postgres.Scratch;
using Npgsql;

namespace DbArchitect.Benchmarks.Verify;

/// <summary>
/// Verification throughput: a synthetic chain proven migration by migration on one database
/// (up, rows, down, diff, up) against the naive way, a fresh database replaying the chain before
/// each check, in one run on one cluster. The naive side is timed on every k-th check (evenly
/// spread, so its replays are as long on average as all of them) and scaled to the chain.
/// </summary>
internal sealed class VerifyBenchmark : IBenchmark
{
    public const double TargetRatio = 5;

    public string Name => "verify";

    public string Usage => "[--migrations 300] [--rows 1000] [--sample 10]: migrations per second through up → rows → down → diff → up, against a fresh database replaying the chain for each check (target ≥ 5×)";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var (count, rows, every) = (arguments.Int("migrations", 300), arguments.Int("rows", 1000), Math.Max(1, arguments.Int("sample", 10)));
        var chain = SyntheticChain.Of(count);
        await using var cluster = await ScratchCluster.StartAsync(cancellationToken: cancellationToken);
        var verifier = new ChainVerifier(cluster, rows);

        var ours = Stopwatch.StartNew();
        var result = await verifier.VerifyAsync(chain, cancellationToken);
        ours.Stop();
        if (result.StoppedAt is not null || result.Verdicts.Any(v => v.IsFailure))
        {
            Console.Error.WriteLine($"the synthetic chain did not verify cleanly (stopped at {result.StoppedAt})");
            return 1;
        }

        var sampled = Enumerable.Range(0, count).Where(i => i % every == every / 2).ToList();
        var naive = Stopwatch.StartNew();
        foreach (var index in sampled)
        {
            var database = await cluster.CreateDatabaseAsync($"naive_{index}", cancellationToken);
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync(cancellationToken);
                var filled = new HashSet<uint>();
                foreach (var earlier in chain.Migrations.Take(index))
                {
                    await ScriptRunner.RunAsync(connection, earlier.Up, cancellationToken);
                    await RowSeeder.FillEmptyAsync(connection, rows, filled, cancellationToken);
                }
            }

            await verifier.VerifyOnAsync(database, chain with { Migrations = [chain.Migrations[index]] }, cancellationToken);
        }

        naive.Stop();
        var naiveSeconds = naive.Elapsed.TotalSeconds * count / sampled.Count;
        var ratio = naiveSeconds / ours.Elapsed.TotalSeconds;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"synthetic chain: {count} migrations (table, column, index, each with its down), {rows:N0} rows per table"));
        Console.WriteLine(string.Create(c, $"ours (one database, no replay):  {ours.Elapsed.TotalSeconds,8:N1} s  {count / ours.Elapsed.TotalSeconds,6:N1} migrations/s"));
        Console.WriteLine(string.Create(c, $"naive (replay for each check):   {naiveSeconds,8:N1} s  {count / naiveSeconds,6:N1} migrations/s  (timed on {sampled.Count} evenly spread checks, {naive.Elapsed.TotalSeconds:N1} s, scaled to {count})"));
        Console.WriteLine(string.Create(c, $"ratio {ratio:N1} (target ≥ {TargetRatio:N0}): {(ratio >= TargetRatio ? "met" : "missed")}"));
        return ratio >= TargetRatio ? 0 : 1;
    }
}
