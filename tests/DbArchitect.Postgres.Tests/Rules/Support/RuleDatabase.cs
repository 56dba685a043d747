using DbArchitect.Postgres.Tests.Rules.Support;

using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Rules.Support;

/// <summary>
/// A fresh database per test class with one family's cases staged once; facts are collected
/// through the product's read-only session, as <c>dbarch analyze</c> does.
/// </summary>
public abstract class RuleDatabase : DatabaseFixture
{
    /// <summary>
    /// SQL steps that stage the positive and negative cases, each sent on its own so that VACUUM
    /// and CREATE INDEX CONCURRENTLY (which refuse transaction blocks) can be steps too.
    /// </summary>
    protected abstract IReadOnlyList<string> Steps { get; }

    protected override async Task OnCreatedAsync()
    {
        // All steps share one session so that the closing flush makes the pg_stat_user_tables
        // counters of everything they wrote visible to the rules.
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
        await using var target = TargetDataSource.Create(AdminConnectionString);
        return await new FactsCollector(target).CollectAsync(options ?? new RuleOptions(), CancellationToken.None);
    }

    public Task<IReadOnlyList<Finding>> EvaluateAsync(ISchemaRule rule, RuleOptions? options = null) =>
        EvaluateAsync([rule], options);

    public async Task<IReadOnlyList<Finding>> EvaluateAsync(IEnumerable<ISchemaRule> rules, RuleOptions? options = null)
    {
        var facts = await CollectAsync(options);
        return rules.SelectMany(rule => rule.Evaluate(facts)).ToList();
    }
}
