using System.Globalization;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// Ours against index_advisor with real indexes, on the workload and on the same statements with
/// other constants: what each set leaves of Σ calls × cost, its real bytes, and the ratio the
/// target is set on (ours ≤ 0.85 × index_advisor's remaining cost, at no more bytes, on both).
/// <see cref="Optimum"/> is the exhaustive optimum over our candidates within index_advisor's
/// estimated bytes, built the same way: how far our candidates could go, judged as ours is.
/// </summary>
internal sealed record RealIndexComparison(IReadOnlyList<string> Workloads, IReadOnlyList<SetEvaluation> Baseline, IReadOnlyList<SetEvaluation> Ours, IReadOnlyList<SetEvaluation> IndexAdvisor, IReadOnlyList<SetEvaluation>? Optimum)
{
    public const double TargetRatio = 0.85;

    public bool TargetsMet => Ours.Zip(IndexAdvisor).All(pair => pair.First.Total <= TargetRatio * pair.Second.Total && pair.First.Bytes <= pair.Second.Bytes);

    public void Print(IReadOnlyList<BenchmarkStatement> other, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("real indexes (built, sizes from pg_relation_size), Σ calls × cost:");
        output.WriteLine($"{"workload",-18}{"no index",12}{"ours",12}{"idx_advisor",12}{"ratio",8}{"ours B",10}{"idx B",10}{"optimum",12}{"ratio",8}{"opt B",10}");
        for (var i = 0; i < Workloads.Count; i++)
        {
            var optimum = Optimum is null ? $"{"-",12}{"-",8}{"-",10}" : $"{Sci(Optimum[i].Total),12}{Ratio(Optimum[i].Total / IndexAdvisor[i].Total),8}{Mb(Optimum[i].Bytes),10}";
            output.WriteLine($"{Workloads[i],-18}{Sci(Baseline[i].Total),12}{Sci(Ours[i].Total),12}{Sci(IndexAdvisor[i].Total),12}{Ratio(Ours[i].Total / IndexAdvisor[i].Total),8}{Mb(Ours[i].Bytes),10}{Mb(IndexAdvisor[i].Bytes),10}{optimum}");
        }

        output.WriteLine($"per statement: calls, cost per call (ours vs idx_advisor) for {string.Join(" | ", Workloads)}:");
        for (var i = 0; i < other.Count; i++)
        {
            var costs = Enumerable.Range(0, Workloads.Count).Select(w => $"{Cost(Ours[w].Costs[i]),10} {Cost(IndexAdvisor[w].Costs[i]),10}");
            output.WriteLine($"  {other[i].Label,-28} {other[i].Calls,7} {string.Join(" |", costs)}");
        }

        output.WriteLine($"target ours <= {TargetRatio} x index_advisor at no more bytes, on both: {(TargetsMet ? "met" : "MISSED")}");
    }

    private static string Ratio(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Sci(double value) => value.ToString("0.000e0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static string Cost(double? cost) => cost?.ToString("F1", CultureInfo.InvariantCulture) ?? "-";
}
