using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbArchitect.Evals;

/// <summary>
/// A scenario's <c>expected.json</c>: what a senior DBA would flag in the database, written from
/// the schema and workload, not from the tool's output.
/// </summary>
internal sealed record ScenarioExpectation
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public required string Description { get; init; }

    /// <summary>Whether the runner runs ANALYZE after loading; false for scenarios about missing statistics.</summary>
    public bool Analyze { get; init; } = true;

    /// <summary>
    /// Whether the table statistics counters restart after the load, as on a server whose
    /// statistics were reset when the application went live. Without it the bulk load counts as
    /// the tables' write traffic, which the index advisor weighs against the replayed calls.
    /// False keeps the load's counters, for scenarios about dead tuples and changes since ANALYZE.
    /// </summary>
    public bool ResetStatistics { get; init; } = true;

    /// <summary>How often each <c>traffic.sql</c> statement is executed so that pg_stat_statements sees an application's call counts.</summary>
    public int TrafficCalls { get; init; } = 1;

    public IReadOnlyList<ExpectedFinding> Expected { get; init; } = [];

    /// <summary>Keys that must not appear: near misses the scenario was built to tempt a rule with.</summary>
    public IReadOnlyList<ExpectedFinding> Forbidden { get; init; } = [];

    public static async Task<ScenarioExpectation> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ScenarioExpectation>(stream, Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{path} is empty");
    }
}

/// <summary>
/// One finding by rule id and subject. In a subject, <c>{statement:N}</c> stands for the
/// fingerprint of the N-th statement of the scenario's workload.sql (from 1), since plan findings
/// are keyed by statement.
/// </summary>
internal sealed record ExpectedFinding
{
    public required string Rule { get; init; }
    public required string Subject { get; init; }

    /// <summary>Why a DBA flags it (or why it must not be flagged); for readers of the scenario.</summary>
    public string? Why { get; init; }
}
