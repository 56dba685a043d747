using System.Collections.Concurrent;

namespace DbArchitect.Core.Tools;

/// <summary>
/// What the tools accepted in this run, one line each, in the order found: an index that made the
/// workload cheaper, a rewrite proven equivalent and cheaper. The orchestrator hands a round's new
/// lines back to the model and stops asking when a round adds none.
/// </summary>
public sealed class RoundGains
{
    private readonly ConcurrentQueue<string> _lines = new();

    public int Count => _lines.Count;

    public void Add(string line) => _lines.Enqueue(line);

    /// <summary>The lines found after the first <paramref name="seen"/>.</summary>
    public IReadOnlyList<string> Since(int seen) => [.. _lines.Skip(seen)];
}
