using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules.Configuration;
using static DbArchitect.Postgres.Tests.Rules.Support.HandBuiltFacts;

namespace DbArchitect.Postgres.Tests.Rules.Configuration;

public sealed class ConfigurationRuleLogicTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void Default_shared_buffers_on_a_big_database_proposes_a_quarter_of_it_capped_at_8GB_with_a_restart()
    {
        var snapshot = Snapshot with
        {
            Server = Snapshot.Server with { DatabaseSizeBytes = 4096 * Megabyte },
            Settings = [Setting("shared_buffers", "16384", "8kB", 128 * Megabyte)],
        };

        var finding = Assert.Single(new SharedBuffersTooSmallRule().Evaluate(Facts(snapshot)));

        Assert.Contains("128 MB default", finding.Title, StringComparison.Ordinal);
        Assert.Equal("ALTER SYSTEM SET shared_buffers = '1024MB';\n-- takes effect only after a server restart (postmaster-context setting)", finding.Remedy!.Up);
    }

    [Fact]
    public void Huge_work_mem_is_medium_and_proposes_a_modest_value()
    {
        var snapshot = Snapshot with { Settings = [Setting("work_mem", "2097152", "kB", 2048 * Megabyte), Setting("max_connections", "100")] };

        var finding = Assert.Single(new WorkMemRule().Evaluate(Facts(snapshot)));

        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.StartsWith("ALTER SYSTEM SET work_mem = '64MB';", finding.Remedy!.Up, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_work_mem_is_not_reported()
    {
        Assert.Empty(new WorkMemRule().Evaluate(Facts(Snapshot with { Settings = [Setting("work_mem", "32768", "kB", 32 * Megabyte)] })));
    }

    [Fact]
    public void Max_connections_above_200_recommends_pgbouncer()
    {
        var finding = Assert.Single(new MaxConnectionsHighRule().Evaluate(Facts(Snapshot with { Settings = [Setting("max_connections", "500")] })));

        Assert.Contains("PgBouncer", finding.Title, StringComparison.Ordinal);
        Assert.Contains("restart", finding.Remedy!.Up, StringComparison.Ordinal);
    }

    [Fact]
    public void Autovacuum_off_for_the_server_is_high_and_turned_back_on_with_a_reload()
    {
        var finding = Assert.Single(new AutovacuumDisabledRule().Evaluate(Facts(Snapshot with { Settings = [Setting("autovacuum", "off")] })));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("ALTER SYSTEM SET autovacuum = 'on';\nSELECT pg_reload_conf();", finding.Remedy!.Up);
    }

    [Fact]
    public void Missing_preload_keeps_the_other_libraries_as_separate_list_elements()
    {
        var snapshot = Snapshot with { Settings = [Setting("shared_preload_libraries", "auto_explain, pg_cron")] };

        var finding = Assert.Single(new PgStatStatementsMissingRule().Evaluate(Facts(snapshot)));

        Assert.StartsWith("ALTER SYSTEM SET shared_preload_libraries = 'auto_explain', 'pg_cron', 'pg_stat_statements';", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.EndsWith("CREATE EXTENSION IF NOT EXISTS pg_stat_statements;", finding.Remedy.Up, StringComparison.Ordinal);
        Assert.StartsWith("DROP EXTENSION IF EXISTS pg_stat_statements;", finding.Remedy.Down, StringComparison.Ordinal);
    }
}
