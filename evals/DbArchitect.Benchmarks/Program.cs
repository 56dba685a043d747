using DbArchitect.Benchmarks;
using DbArchitect.Benchmarks.Advisor;
using DbArchitect.Benchmarks.Analyze;
using DbArchitect.Benchmarks.Catalog;
using DbArchitect.Benchmarks.Split;
using DbArchitect.Benchmarks.Verify;

IBenchmark[] benchmarks = [new CatalogBenchmark(), new AdvisorBenchmark(), new AnalyzeBenchmark(), new SplitBenchmark(), new VerifyBenchmark()];

var benchmark = args.Length > 0 ? benchmarks.SingleOrDefault(b => b.Name == args[0]) : null;
if (benchmark is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project evals/DbArchitect.Benchmarks -- <benchmark> [options]");
    foreach (var known in benchmarks)
    {
        Console.Error.WriteLine($"  {known.Name,-10} {known.Usage}");
    }

    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await benchmark.RunAsync(BenchmarkArguments.Parse(args[1..]), cancellation.Token);
