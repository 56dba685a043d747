using System.Collections.Concurrent;
using System.Text.Json;

namespace DbArchitect.Core.Tools;

/// <summary>
/// Every tool result of one run, as the model received it: the grounding check accepts a number
/// only if it appears here (or in the findings), and the run report counts the calls.
/// </summary>
public sealed class ToolLog
{
    private readonly ConcurrentQueue<(string Tool, string Result)> _entries = new();

    public void Add(string tool, JsonElement result) => _entries.Enqueue((tool, result.GetRawText()));

    public IReadOnlyList<string> Results => [.. _entries.Select(entry => entry.Result)];

    /// <summary>Calls per tool name, in name order.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        _entries.GroupBy(entry => entry.Tool).OrderBy(group => group.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count());
}
