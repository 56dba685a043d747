using System.Diagnostics;

namespace DbArchitect.Benchmarks;

/// <summary>Times an action the way the benchmarks report it: one untimed warm-up, then the best of several runs.</summary>
internal static class BestOf
{
    public static async Task<TimeSpan> MeasureAsync(int runs, Func<Task> action)
    {
        await action().ConfigureAwait(false);
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action().ConfigureAwait(false);
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }
}
