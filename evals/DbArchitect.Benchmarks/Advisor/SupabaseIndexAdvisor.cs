using System.Diagnostics;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Advisor;
using Npgsql;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The anchor: Supabase's index_advisor(query text), loaded from a file the user supplies (it is
/// never part of this repository). It plans each statement generically, adds a hypothetical
/// single-column B-tree for every unindexed column and returns the ones the new plan uses, as
/// hypopg_get_indexdef text: <c>CREATE INDEX ON schema.table USING btree (column)</c>.
/// </summary>
internal static partial class SupabaseIndexAdvisor
{
    /// <summary>Defines index_advisor in the database. Extension-script scaffolding is stripped so the file loads as plain SQL.</summary>
    public static async Task InstallAsync(string adminConnectionString, string scriptPath, CancellationToken cancellationToken)
    {
        var script = await File.ReadAllTextAsync(scriptPath, cancellationToken).ConfigureAwait(false);
        script = PsqlMetaCommand().Replace(script, "").Replace("@extschema@", "public", StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(script, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls index_advisor once per statement; the union of what it recommends, and its time per statement.</summary>
    public static async Task<SupabaseAdvice> AdviseAsync(string adminConnectionString, IReadOnlyList<BenchmarkStatement> workload, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var statements = new List<string>();
        var errors = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var statement in workload)
        {
            await using var command = new NpgsqlCommand("SELECT index_statements, errors FROM index_advisor($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = statement.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                statements.AddRange(reader.GetFieldValue<string[]>(0));
                errors.AddRange(reader.GetFieldValue<string[]>(1).Select(error => $"{statement.Label}: {error}"));
            }
        }

        var elapsed = watch.Elapsed;
        var distinct = statements.Distinct(StringComparer.Ordinal).ToList();
        return new SupabaseAdvice(distinct.Select(Parse).ToList(), errors, elapsed / Math.Max(1, workload.Count));
    }

    /// <summary>hypopg_get_indexdef text back into a candidate, so it is measured like every other set.</summary>
    public static IndexCandidate Parse(string statement)
    {
        var match = IndexDefinition().Match(statement);
        if (!match.Success)
        {
            throw new FormatException($"unexpected index_advisor statement: {statement}");
        }

        return new IndexCandidate
        {
            Schema = Unquote(match.Groups["schema"].Value),
            Table = Unquote(match.Groups["table"].Value),
            Method = match.Groups["method"].Value,
            Keys = match.Groups["keys"].Value.Split(", ", StringSplitOptions.TrimEntries),
        };
    }

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    // Lines such as \echo Use "CREATE EXTENSION index_advisor" to load this file. \quit
    [GeneratedRegex(@"^\\.*$", RegexOptions.Multiline)]
    private static partial Regex PsqlMetaCommand();

    [GeneratedRegex(@"^CREATE INDEX ON (?<schema>""(?:[^""]|"""")+""|[^."" ]+)\.(?<table>""(?:[^""]|"""")+""|[^."" ]+) USING (?<method>\w+) \((?<keys>.+)\)$")]
    private static partial Regex IndexDefinition();
}

/// <summary>The union of index_advisor's recommendations over the workload.</summary>
internal sealed record SupabaseAdvice(IReadOnlyList<IndexCandidate> Indexes, IReadOnlyList<string> Errors, TimeSpan TimePerStatement);
