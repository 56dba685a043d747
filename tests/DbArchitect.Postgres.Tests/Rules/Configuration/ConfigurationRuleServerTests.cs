using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Configuration;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Configuration;

public sealed class ConfigurationRuleServerTests(ConfigurationRulesDatabase database) : IClassFixture<ConfigurationRulesDatabase>
{
    private async Task<List<Finding>> FindAsync(ISchemaRule rule) => [.. rule.Evaluate(await database.CollectAsync())];

    [Fact]
    public async Task Default_work_mem_is_reported_with_alter_system_and_a_reload()
    {
        var finding = Assert.Single(await FindAsync(new WorkMemRule()));

        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal("ALTER SYSTEM SET work_mem = '16MB';\nSELECT pg_reload_conf();", finding.Remedy!.Up);
        Assert.Equal("ALTER SYSTEM RESET work_mem;\nSELECT pg_reload_conf();", finding.Remedy.Down);
        Assert.Equal((ChangeKind.Configuration, MigrationStrategy.Configuration), (finding.Remedy.Kind, finding.Remedy.Strategy));
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Disabled_slow_query_logging_is_reported()
    {
        var finding = Assert.Single(await FindAsync(new SlowQueryLoggingDisabledRule()));

        Assert.Equal("log_min_duration_statement", finding.Subject);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Default_shared_buffers_on_a_small_database_and_100_max_connections_are_fine()
    {
        Assert.Empty(await FindAsync(new SharedBuffersTooSmallRule()));
        Assert.Empty(await FindAsync(new MaxConnectionsHighRule()));
    }

    [Fact]
    public async Task Autovacuum_switched_off_for_a_table_is_reported_and_tuned_tables_are_not()
    {
        var finding = Assert.Single(await FindAsync(new AutovacuumDisabledRule()));

        Assert.Equal("cf.frozen_out", finding.Subject);
        Assert.Equal("ALTER TABLE cf.frozen_out RESET (autovacuum_enabled);", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Pg_stat_statements_preloaded_but_not_created_is_reported_until_it_is_created()
    {
        Assert.Empty(await FindAsync(new PgStatStatementsMissingRule()));

        await database.ExecuteAsync("DROP EXTENSION pg_stat_statements");
        try
        {
            var finding = Assert.Single(await FindAsync(new PgStatStatementsMissingRule()));
            Assert.Equal("extension pg_stat_statements", finding.Subject);
            await RemedyProof.AssertUpAndDownRunAsync(database, finding);
        }
        finally
        {
            await database.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }
}
