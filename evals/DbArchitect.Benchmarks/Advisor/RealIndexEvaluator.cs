using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Explain;
using Npgsql;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// Judges a recommendation set with real indexes rather than hypopg's estimates: builds every
/// index of the set, vacuums and analyses, plans each workload (generic plans for $n), reads the
/// indexes' real sizes from pg_relation_size, and drops them again.
/// </summary>
internal sealed class RealIndexEvaluator(string adminConnectionString, NpgsqlDataSource dataSource)
{
    /// <summary>ANALYZE samples 300 rows per unit of target: 10,000 (the maximum) reads every row of a table up to 3 million rows.</summary>
    private const int FullSampleTarget = 10_000;

    public async Task<IReadOnlyList<SetEvaluation>> EvaluateAsync(string name, IReadOnlyList<IndexCandidate> indexes, IReadOnlyList<IReadOnlyList<BenchmarkStatement>> workloads, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var built = new List<string>();
        var bytes = 0L;
        try
        {
            foreach (var (index, i) in indexes.DistinctBy(x => x.Shape).Select((x, i) => (x, i)))
            {
                var indexName = $"bench_{i}";
                await ExecuteAsync(connection, $"{index.Prerequisite}{index.Definition.Replace("CREATE INDEX ON", $"CREATE INDEX {indexName} ON", StringComparison.Ordinal)}", cancellationToken).ConfigureAwait(false);
                built.Add($"{index.Schema}.{indexName}");
                await using var size = new NpgsqlCommand($"SELECT pg_relation_size('{index.Schema}.{indexName}')", connection);
                bytes += (long)(await size.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            // An expression index has no statistics until ANALYZE, and an index-only scan pays only
            // where VACUUM has set the visibility map: a DBA runs both after building. Statistics
            // from every row (the sample is capped above the largest table) are the same whatever
            // set was built before, so the sets are judged on equal statistics, not on a resample's luck.
            await ExecuteAsync(connection, $"SET default_statistics_target = {FullSampleTarget}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "VACUUM (ANALYZE)", cancellationToken).ConfigureAwait(false);
            var runner = new ExplainRunner(dataSource);
            var evaluations = new List<SetEvaluation>();
            foreach (var workload in workloads)
            {
                var costs = new List<double?>();
                foreach (var statement in workload)
                {
                    costs.Add((await runner.ExplainAsync(statement.Text, new ExplainOptions(), cancellationToken).ConfigureAwait(false)).Plan.TotalCost);
                }

                evaluations.Add(new SetEvaluation
                {
                    Name = name,
                    Indexes = indexes.Select(x => x.Definition).ToList(),
                    NotSimulated = [],
                    Bytes = bytes,
                    Costs = costs,
                    Total = workload.Zip(costs).Sum(pair => pair.First.Calls * (pair.Second ?? 0)),
                });
            }

            return evaluations;
        }
        finally
        {
            foreach (var index in built)
            {
                await ExecuteAsync(connection, $"DROP INDEX {index}", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
