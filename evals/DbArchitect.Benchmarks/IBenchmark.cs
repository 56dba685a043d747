namespace DbArchitect.Benchmarks;

/// <summary>One sub-command of the benchmark console: builds what it measures, measures it and prints the figures.</summary>
internal interface IBenchmark
{
    /// <summary>The sub-command name, e.g. "catalog".</summary>
    string Name { get; }

    /// <summary>One line for the usage text, with the benchmark's options.</summary>
    string Usage { get; }

    Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken);
}
