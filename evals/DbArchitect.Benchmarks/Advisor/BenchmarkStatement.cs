using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>One statement of the benchmark workload, with the short label the report prints for it.</summary>
internal sealed partial record BenchmarkStatement(string Label, WorkloadStatement Statement)
{
    public string Text => Statement.Text;
    public long Calls => Statement.Calls;

    /// <summary>Reads workload.sql: each entry is a "-- label, calls N" header followed by its statement.</summary>
    /// <param name="source">Where the statements claim to come from: the advisor weighs index upkeep only against workloads with real call counts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyList<BenchmarkStatement>> ReadWorkloadAsync(WorkloadSource source, CancellationToken cancellationToken)
    {
        var text = await EmbeddedScript.ReadAsync("workload.sql", cancellationToken).ConfigureAwait(false);
        var headers = Header().Matches(text);
        return headers.Select((header, i) =>
        {
            var end = i + 1 < headers.Count ? headers[i + 1].Index : text.Length;
            var body = text[(header.Index + header.Length)..end].Trim().TrimEnd(';');
            return new BenchmarkStatement(header.Groups["label"].Value, new WorkloadStatement
            {
                Text = body,
                Source = source,
                Calls = long.Parse(header.Groups["calls"].Value, CultureInfo.InvariantCulture),
            });
        }).ToList();
    }

    [GeneratedRegex(@"^-- (?<label>[a-z0-9_]+), calls (?<calls>[0-9]+)$", RegexOptions.Multiline)]
    private static partial Regex Header();
}
