using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Rules;

/// <summary>
/// A fresh database with one family's scenario loaded once; the snapshot is read through the
/// product's read-only session and catalog reader, as <c>dbarch analyze</c> does.
/// </summary>
public abstract class RuleScenarioDatabase : DatabaseFixture
{
    /// <summary>
    /// SQL steps that stage the positive and negative cases, each sent on its own so that VACUUM
    /// and CREATE INDEX CONCURRENTLY (which refuse transaction blocks) can be steps too.
    /// </summary>
    protected abstract IReadOnlyList<string> Steps { get; }

    protected override async Task OnCreatedAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var step in Steps.Append("SELECT pg_stat_force_next_flush()"))
        {
            await using var command = new NpgsqlCommand(step, connection) { CommandTimeout = 300 };
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<AnalysisFacts> CollectAsync(RuleOptions? options = null)
    {
        // Operational rules read the catalog only; skipping the row sampler keeps the tests quick.
        await using var target = TargetDataSource.Create(AdminConnectionString);
        var snapshot = await new CatalogReader(target).ReadAsync(CancellationToken.None);
        return new AnalysisFacts { Snapshot = snapshot, Options = options ?? new RuleOptions() };
    }
}
