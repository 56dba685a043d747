using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Validation;
using Npgsql;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// One target backend with hypopg: hypothetical indexes are created in this session's memory only
/// (nothing is written, so a read-only session may do it) and every plan taken here sees them.
/// </summary>
public sealed class HypotheticalIndexSession : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;

    private HypotheticalIndexSession(NpgsqlConnection connection) => this.connection = connection;

    /// <summary>A session on the target, or null when hypopg is not installed in the target database.</summary>
    public static Task<HypotheticalIndexSession?> OpenAsync(Sessions.TargetSession session, CancellationToken cancellationToken) =>
        OpenAsync(session.DataSource, cancellationToken);

    public static async Task<HypotheticalIndexSession?> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var probe = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'hypopg')", connection);
        if (await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
        {
            var session = new HypotheticalIndexSession(connection);
            await session.ResetAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Creates the candidate hypothetically; returns its oid and hypopg's size estimate.</summary>
    public async Task<HypotheticalIndex> CreateAsync(IndexCandidate candidate, CancellationToken cancellationToken)
    {
        if (!candidate.Hypothetical)
        {
            throw new InvalidOperationException($"hypopg cannot simulate a {candidate.Method} index");
        }

        await using var command = new NpgsqlCommand("SELECT indexrelid, hypopg_relation_size(indexrelid) FROM hypopg_create_index($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = candidate.Definition });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new HypotheticalIndex(candidate, reader.GetFieldValue<uint>(0), reader.GetInt64(1));
    }

    public async Task DropAsync(HypotheticalIndex index, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT hypopg_drop_index($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = index.Oid, DataTypeName = "oid" });
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes every hypothetical index of this session.</summary>
    public Task ResetAsync(CancellationToken cancellationToken) =>
        SingleStatement.ExecuteAsync(connection, "SELECT hypopg_reset()", connection.CommandTimeout, cancellationToken);

    /// <summary>The statement's plan as it stands with the hypothetical indexes of this session (generic for $n statements).</summary>
    public Task<ExplainResult> PlanAsync(string statement, CancellationToken cancellationToken) =>
        ExplainRunner.ExplainOnAsync(connection, statement, new ExplainOptions(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ResetAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The backend's memory goes with the connection anyway; the reset only spares a pooled reuse.
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A hypothetical index hypopg holds for this session: its oid appears in plans as &lt;oid&gt;btree_…</summary>
public sealed record HypotheticalIndex(IndexCandidate Candidate, uint Oid, long EstimatedBytes)
{
    /// <summary>How hypopg names it in EXPLAIN output.</summary>
    public string PlanName => $"<{Oid}>";
}
