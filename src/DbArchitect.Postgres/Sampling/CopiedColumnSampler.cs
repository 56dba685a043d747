using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Support;
using Npgsql;

namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// Measures each <see cref="CopyCandidate"/> (at most <see cref="MaxCandidates"/>) on a sample of
/// referencing rows joined to their referenced row: one read-only query each, bounded by
/// <see cref="RuleOptions.SampleRows"/> and by the session's statement timeout. Candidates on tables
/// the role may not read are not tried; one that refuses or times out all the same is left
/// unmeasured rather than failing the analysis, and the coverage says so.
/// </summary>
public sealed class CopiedColumnSampler(NpgsqlDataSource dataSource)
{
    public const int MaxCandidates = 50;

    public async Task<CopiedColumnSamples> SampleAsync(CatalogSnapshot snapshot, RuleOptions options, CancellationToken ct)
    {
        var candidates = CopyCandidate.In(CatalogLookup.Of(snapshot)).Where(c => c.Table.Readable && c.Parent.Readable).Take(MaxCandidates).ToList();
        var samples = new List<CopiedColumnSample>();
        var coverage = new SampleCoverage.Builder();
        if (candidates.Count == 0)
        {
            return new CopiedColumnSamples(samples, coverage.Build());
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        foreach (var candidate in candidates)
        {
            var (outcome, sample) = await MeasureAsync(connection, candidate, options.SampleRows, ct).ConfigureAwait(false);
            coverage.Record(candidate.Table.QualifiedName, outcome);
            if (sample is not null)
            {
                samples.Add(sample);
            }
        }

        return new CopiedColumnSamples(samples, coverage.Build());
    }

    private static async Task<(SampleOutcome Outcome, CopiedColumnSample? Sample)> MeasureAsync(NpgsqlConnection connection, CopyCandidate candidate, int sampleRows, CancellationToken ct)
    {
        var key = SqlIdentifier.Quote(candidate.ForeignKeyColumn);
        var copy = SqlIdentifier.Quote(candidate.Column.Name);
        string Select(string source) => $"""
            SELECT count(*)::int, count(*) FILTER (WHERE s.copied_value::text IS NOT DISTINCT FROM p.{SqlIdentifier.Quote(candidate.ParentColumn.Name)}::text)::int, count(s.copied_value)::int
            FROM (SELECT {key} AS key_value, {copy} AS copied_value FROM {source} WHERE {key} IS NOT NULL LIMIT $1) AS s
            LEFT JOIN {candidate.Parent.QualifiedName} AS p ON p.{SqlIdentifier.Quote(candidate.ReferencedColumn)} = s.key_value
            """;
        try
        {
            foreach (var query in SampleQuery.Attempts(candidate.Table, sampleRows, Select))
            {
                await using var command = query.CommandOn(connection);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await reader.ReadAsync(ct).ConfigureAwait(false);
                var (sampled, matching, valued) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
                if (sampled > 0)
                {
                    return (SampleOutcome.Read, new CopiedColumnSample
                    {
                        TableOid = candidate.Table.Oid,
                        Column = candidate.Column.Name,
                        ForeignKey = candidate.ForeignKey.Name,
                        ParentColumn = candidate.ParentColumn.Name,
                        SampledRows = sampled,
                        MatchingRows = matching,
                        ValuedRows = valued,
                    });
                }
            }

            return (SampleOutcome.Empty, null);
        }
        catch (PostgresException e) when (SampleQuery.Outcome(e) is { } outcome)
        {
            return (outcome, null);
        }
    }
}
