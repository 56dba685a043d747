using DbArchitect.Core.Findings;
using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Migrations;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Migrations;

public sealed class LiveRiskDatabase : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE idle (id bigint PRIMARY KEY, note text);
        CREATE TABLE busy (id bigint PRIMARY KEY, note text);
        INSERT INTO busy SELECT g, 'n' || g FROM generate_series(1, 5000) g;
        ANALYZE idle, busy;
        """);
}

public sealed class LiveRiskTests(LiveRiskDatabase database) : IClassFixture<LiveRiskDatabase>
{
    private static LintReport Lint(string up) => new MigrationLinter().Lint("repo", [new MigrationChain
    {
        Root = "migrations",
        Migrations = [new Migration { Version = "1", Name = "indexes", Convention = MigrationConvention.UpDownFiles, Up = new MigrationScript("1_indexes.up.sql", 1, up), Down = new MigrationScript("1_indexes.down.sql", 1, "SELECT 1;"), HasDownConvention = true }],
    }]);

    private async Task<IReadOnlyList<LintFinding>> ScoreAsync(LiveRiskThresholds thresholds)
    {
        var report = Lint("SET lock_timeout = '5s';\nCREATE INDEX idle_note_idx ON idle (note);\nCREATE INDEX busy_note_idx ON busy (note);\nALTER TABLE gone ADD COLUMN x int DEFAULT random();");
        await using var session = TargetSession.Open(database.AdminConnectionString);
        return await new LiveRisk(session, thresholds).ScoreAsync(report.Findings, CancellationToken.None);
    }

    private static LintFinding On(IReadOnlyList<LintFinding> findings, string rule, string table) =>
        findings.Single(f => f.Finding.RuleId == rule && f.Finding.Tables[0] == table);

    [Fact]
    public async Task A_lock_on_an_empty_live_table_is_a_note_and_on_a_large_one_it_is_raised_with_the_tables_figures()
    {
        var scored = await ScoreAsync(new LiveRiskThresholds { LargeRows = 1000 });

        Assert.Equal(Severity.Info, On(scored, "index-not-concurrent", "idle").Finding.Severity);
        var busy = On(scored, "index-not-concurrent", "busy").Finding;
        Assert.Equal(Severity.Critical, busy.Severity);
        Assert.StartsWith("5,000 rows, ", busy.Evidence.Single(e => e.Label == "live table").Value, StringComparison.Ordinal);
        Assert.Equal(Severity.High, On(scored, "volatile-default", "gone").Finding.Severity);
    }

    [Fact]
    public async Task Below_the_thresholds_a_table_with_rows_keeps_the_rules_severity()
    {
        // Writes per second depend on how long the test server has run, so only size decides here.
        var scored = await ScoreAsync(new LiveRiskThresholds { BusyWritesPerSecond = double.MaxValue });

        Assert.Equal(Severity.High, On(scored, "index-not-concurrent", "busy").Finding.Severity);
    }
}
