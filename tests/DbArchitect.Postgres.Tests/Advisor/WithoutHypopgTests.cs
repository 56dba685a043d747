using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Advisor.Trial;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Advisor;

public sealed class NoHypopgFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        DROP EXTENSION IF EXISTS hypopg;
        CREATE TABLE readings (id bigint PRIMARY KEY, sensor int NOT NULL, value float8 NOT NULL);
        INSERT INTO readings SELECT g, g % 3000, random() FROM generate_series(1, 60000) g;
        ANALYZE readings;
        """);
}

public sealed class WithoutHypopgTests(NoHypopgFixture database) : IClassFixture<NoHypopgFixture>
{
    [Fact]
    public async Task Without_hypopg_on_the_target_the_advisor_says_so_and_measures_on_a_scratch_copy()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var trial = new ScratchIndexTrial(database.AdminConnectionString, dataSource, new ScratchTrialOptions { MaxRowsPerTable = 20_000 });
        var workload = new[] { new WorkloadStatement { Text = "SELECT value FROM readings WHERE sensor = $1", Source = WorkloadSource.File } };

        var result = await new IndexAdvisor(dataSource, trial).AdviseAsync(workload, new AdvisorOptions(), CancellationToken.None);

        Assert.Contains(result.Notes, n => n.StartsWith("hypopg is not installed in the target database", StringComparison.Ordinal));
        var recommendation = Assert.Single(result.Recommendations, r => r.Index.Keys[0] == "sensor");
        Assert.Equal(EvidenceSource.ScratchTrial, recommendation.Evidence);
        Assert.True(result.Statements[0].CostAfter < result.Statements[0].CostBefore / 5, $"{result.Statements[0].CostBefore} → {result.Statements[0].CostAfter}");
    }
}
