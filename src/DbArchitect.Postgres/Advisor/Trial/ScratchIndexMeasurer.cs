using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Validation;
using Npgsql;
using NpgsqlTypes;

namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>
/// Builds one candidate at a time as a real index on the scratch copy, plans the statements that
/// read its table with and without it, measures it, and drops it again, so every candidate is
/// compared with the same baseline. Plans without trial indexes are taken once per statement.
/// </summary>
internal sealed class ScratchIndexMeasurer(NpgsqlConnection scratch)
{
    private const string ExistingIndexesSql = "SELECT coalesce(array_agg(indexrelid), '{}') FROM pg_index WHERE indrelid = $1::regclass";

    private const string NewIndexSql = """
        SELECT i.indexrelid::regclass::text,
               array(SELECT c.relname::text FROM pg_class c
                     WHERE c.oid = i.indexrelid OR c.oid IN (SELECT relid FROM pg_partition_tree(i.indexrelid))),
               (SELECT coalesce(sum(pg_relation_size(c.oid)), 0) FROM pg_class c
                WHERE c.oid = i.indexrelid OR c.oid IN (SELECT relid FROM pg_partition_tree(i.indexrelid)))::bigint
        FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT i.indexrelid = ANY($2)
        """;

    private readonly Dictionary<string, Baseline> baselines = new(StringComparer.Ordinal);
    private readonly HashSet<string> prerequisitesMet = new(StringComparer.Ordinal);

    public async Task<IndexTrialResult> MeasureAsync(IndexCandidate candidate, SampledTable sample, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var evidence = TrialEvidence.Describe(candidate, sample);
        if (sample.NotCopied is { } notCopied)
        {
            return new IndexTrialResult { Candidate = candidate, Sample = sample, EvidenceNote = evidence, Failed = $"{sample.Table} could not be copied: {notCopied}" };
        }

        var baseline = new List<Baseline>();
        foreach (var statement in statements)
        {
            baseline.Add(await BaselineAsync(statement, cancellationToken).ConfigureAwait(false));
        }

        TrialIndex index;
        try
        {
            await MeetPrerequisiteAsync(candidate, cancellationToken).ConfigureAwait(false);
            index = await CreateAsync(candidate, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            return new IndexTrialResult { Candidate = candidate, Sample = sample, EvidenceNote = evidence, Failed = $"the index cannot be built on the scratch copy: {e.MessageText}" };
        }

        try
        {
            var costs = new List<TrialStatementCost>();
            foreach (var before in baseline)
            {
                costs.Add(await CompareAsync(before, index, cancellationToken).ConfigureAwait(false));
            }

            return new IndexTrialResult
            {
                Candidate = candidate,
                Sample = sample,
                SampleBytes = index.Bytes,
                EstimatedBytes = sample.Scale(index.Bytes),
                Statements = costs,
                EvidenceNote = evidence,
            };
        }
        finally
        {
            await SingleStatement.ExecuteAsync(scratch, $"DROP INDEX {index.QualifiedName}", scratch.CommandTimeout, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<Baseline> BaselineAsync(string statement, CancellationToken cancellationToken)
    {
        if (!baselines.TryGetValue(statement, out var baseline))
        {
            baseline = await PlanAsync(statement, cancellationToken).ConfigureAwait(false) switch
            {
                (ExplainResult plan, _) => new Baseline(statement, plan.Plan.TotalCost, null),
                (_, var skipped) => new Baseline(statement, 0, skipped),
            };
            baselines[statement] = baseline;
        }

        return baseline;
    }

    private async Task<TrialStatementCost> CompareAsync(Baseline before, TrialIndex index, CancellationToken cancellationToken)
    {
        if (before.Skipped is not null)
        {
            return new TrialStatementCost { Statement = before.Statement, Skipped = before.Skipped };
        }

        var (plan, skipped) = await PlanAsync(before.Statement, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return new TrialStatementCost { Statement = before.Statement, CostBefore = before.Cost, Skipped = skipped };
        }

        return new TrialStatementCost
        {
            Statement = before.Statement,
            CostBefore = before.Cost,
            CostAfter = plan.Plan.TotalCost,
            UsesIndex = plan.Plan.DescendantsAndSelf().Any(node => node.IndexName is { } name && index.Names.Contains(name)),
        };
    }

    private async Task<(ExplainResult? Plan, string? Skipped)> PlanAsync(string statement, CancellationToken cancellationToken)
    {
        try
        {
            return (await ExplainRunner.ExplainOnAsync(scratch, statement, new ExplainOptions(), cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is ExplainRefusedException or PostgresException)
        {
            // A generic plan that failed may leave its prepared statement behind on this unpooled session.
            await SingleStatement.ExecuteAsync(scratch, "DEALLOCATE ALL", scratch.CommandTimeout, cancellationToken).ConfigureAwait(false);
            return (null, $"the scratch copy cannot plan it: {e.Message.Split('\n')[0]}");
        }
    }

    private async Task MeetPrerequisiteAsync(IndexCandidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.Prerequisite is not { } prerequisite || prerequisitesMet.Contains(prerequisite))
        {
            return;
        }

        try
        {
            await SingleStatement.ExecuteAsync(scratch, prerequisite, scratch.CommandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateObject)
        {
            // The target had it already, so the cloned schema has it too.
        }

        prerequisitesMet.Add(prerequisite);
    }

    private async Task<TrialIndex> CreateAsync(IndexCandidate candidate, CancellationToken cancellationToken)
    {
        uint[] existing;
        await using (var before = new NpgsqlCommand(ExistingIndexesSql, scratch))
        {
            before.Parameters.Add(new NpgsqlParameter<string> { TypedValue = candidate.QualifiedTable });
            existing = (uint[])(await before.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await SingleStatement.ExecuteAsync(scratch, candidate.Definition, scratch.CommandTimeout, cancellationToken).ConfigureAwait(false);

        await using var created = new NpgsqlCommand(NewIndexSql, scratch);
        created.Parameters.Add(new NpgsqlParameter<string> { TypedValue = candidate.QualifiedTable });
        created.Parameters.Add(new NpgsqlParameter<uint[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Oid, TypedValue = existing });
        await using var reader = await created.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new TrialIndex(reader.GetString(0), reader.GetFieldValue<string[]>(1).ToHashSet(StringComparer.Ordinal), reader.GetInt64(2));
    }

    private sealed record Baseline(string Statement, double Cost, string? Skipped);

    /// <summary>A trial index: how to drop it, the names plans show for it (its partitions' too), and its size on the sample.</summary>
    private sealed record TrialIndex(string QualifiedName, IReadOnlySet<string> Names, long Bytes);
}
