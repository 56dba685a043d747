using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// Statements from a PostgreSQL server log written with <c>log_min_duration_statement</c>
/// ("duration: 12.3 ms  statement: …" or "execute &lt;name&gt;: …") or auto_explain ("duration: … plan:"
/// followed by "Query Text: …"). Continuation lines (indented) belong to the entry above them.
/// Entries are grouped by <see cref="StatementIdentity"/>, with calls and total time summed.
/// </summary>
public static partial class PostgresLog
{
    public static IReadOnlyList<WorkloadStatement> Parse(IEnumerable<string> lines)
    {
        // Summed by constant-free text first, which is cheap per entry; then texts that are one
        // statement (layout, keyword case) are merged, fingerprinting each distinct text once.
        var totals = new Dictionary<string, (long Calls, double Ms)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (duration, text) in Entries(lines))
        {
            var normalized = SqlText.Normalize(text);
            if (normalized.Length == 0)
            {
                continue;
            }

            if (!totals.TryGetValue(normalized, out var total))
            {
                order.Add(normalized);
            }

            totals[normalized] = (total.Calls + 1, total.Ms + duration);
        }

        return order
            .GroupBy(StatementIdentity.Of, StringComparer.Ordinal)
            .Select(same => (Text: same.First(), Calls: same.Sum(t => totals[t].Calls), Ms: same.Sum(t => totals[t].Ms)))
            .OrderByDescending(t => t.Ms)
            .ThenBy(t => t.Text, StringComparer.Ordinal)
            .Select(t => new WorkloadStatement { Text = t.Text, Source = WorkloadSource.Log, Calls = t.Calls, TotalTimeMs = t.Ms })
            .ToList();
    }

    /// <summary>
    /// Whether a workload file is a server log rather than SQL: a line of the server's own
    /// (a severity such as <c>LOG:</c> before <c>duration: … ms</c>, after the log line prefix), which
    /// no SQL statement starts with; a comment that quotes one does not count.
    /// </summary>
    public static bool IsLog(string text) => LogLine().IsMatch(text);

    private static IEnumerable<(double DurationMs, string Text)> Entries(IEnumerable<string> lines)
    {
        double? duration = null;
        StringBuilder? text = null;
        var inPlan = false;
        foreach (var line in lines)
        {
            var header = Header().Match(line);
            if (header.Success)
            {
                if (duration is { } d && text is { Length: > 0 })
                {
                    yield return (d, text.ToString());
                }

                duration = double.Parse(header.Groups["ms"].Value, CultureInfo.InvariantCulture);
                inPlan = header.Groups["kind"].Value == "plan";
                text = new StringBuilder(inPlan ? "" : header.Groups["rest"].Value);
                continue;
            }

            if (text is null || line.Length == 0 || !char.IsWhiteSpace(line[0]))
            {
                if (duration is { } done && text is { Length: > 0 })
                {
                    yield return (done, text.ToString());
                }

                duration = null;
                text = null;
                continue;
            }

            var content = line.Trim();
            if (inPlan)
            {
                // auto_explain: only the Query Text line (and its continuation before the plan) is the statement.
                if (content.StartsWith("Query Text:", StringComparison.Ordinal))
                {
                    text.Append(content["Query Text:".Length..].Trim());
                    inPlan = false;
                }

                continue;
            }

            if (PlanLine().IsMatch(content))
            {
                continue;
            }

            text.Append(' ').Append(content);
        }

        if (duration is { } last && text is { Length: > 0 })
        {
            yield return (last, text.ToString());
        }
    }

    [GeneratedRegex(@"duration: (?<ms>[0-9.]+) ms\s+(?:(?<kind>statement|plan)|execute [^:]*|bind [^:]*):\s*(?<rest>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?:[^-/\s][^\n]*?)?\b(?:LOG|INFO|NOTICE|WARNING):\s+duration: [0-9.]+ ms\s", RegexOptions.Multiline)]
    private static partial Regex LogLine();

    [GeneratedRegex(@"^(?:->|[A-Z][A-Za-z ]+ (?:Scan|Join|Loop)|Sort|Hash|Aggregate|Limit|Gather|Filter:|Index Cond:|Sort Key:)")]
    private static partial Regex PlanLine();
}
