using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Findings;

/// <summary>Two skewed status columns (96 % one value, 0.1 % 'failed'): orders' is indexed, tickets' is not.</summary>
public sealed class SkewedWorkloadFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);
        INSERT INTO orders SELECT g, CASE WHEN g % 1000 = 0 THEN 'failed' WHEN g % 25 = 1 THEN 'new' ELSE 'done' END FROM generate_series(1, 100000) g;
        CREATE INDEX orders_status_idx ON orders (status);
        CREATE TABLE tickets (id int PRIMARY KEY, state text NOT NULL);
        INSERT INTO tickets SELECT g, CASE WHEN g % 1000 = 0 THEN 'failed' WHEN g % 25 = 1 THEN 'open' ELSE 'closed' END FROM generate_series(1, 100000) g;
        ANALYZE orders;
        ANALYZE tickets;
        """);
}

/// <summary>The workload's finding stages (plans, sampled constants, the advisor) over a workload planned once.</summary>
public sealed class WorkloadStagesTests(SkewedWorkloadFixture database) : IClassFixture<SkewedWorkloadFixture>
{
    private async Task<IReadOnlyList<Finding>> ReviewAsync(params string[] statements)
    {
        await using var session = TargetSession.Open(database.AdminConnectionString);
        var facts = await new FactsCollector(session).CollectAsync(new RuleOptions { LargeTableRows = 10_000 }, CancellationToken.None);
        var file = statements.Select(text => new WorkloadStatement { Text = text, Source = WorkloadSource.File }).ToList();
        var workload = await new WorkloadPlanner(session).PlanAsync(file, new Progress<string>(), CancellationToken.None);
        IFindingStage<AnalysisInput>[] stages = [new PlanInsightsStage(), new SkewedParameterPlansStage(), new IndexAdvisorStage(new IndexAdvisor(session))];
        var input = new AnalysisInput { Facts = facts, Workload = workload.Plans, Session = session };
        return await FindingPipeline.RunAsync(stages, input, new Progress<string>(), CancellationToken.None);
    }

    [Fact]
    public async Task Parameterised_statement_on_a_skewed_indexed_column_gets_a_skewed_parameter_plan_finding()
    {
        var findings = await ReviewAsync("SELECT id FROM orders WHERE status = $1");

        var finding = Assert.Single(findings, f => f.RuleId == SkewedParameterPlanInsight.Id);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("'failed'", finding.Evidence.Single(e => e.Label == "rare values").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rare_value_scan_of_an_unindexed_column_is_found_on_the_sampled_plan_and_says_which_value_it_used()
    {
        var findings = await ReviewAsync("SELECT id FROM tickets WHERE state = $1");

        var finding = Assert.Single(findings, f => f.RuleId == "seq-scan-selective-filter");
        Assert.Contains("'failed'", finding.Evidence.Single(e => e.Label == "planned with").Value, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.RuleId == SkewedParameterPlanInsight.Id);
        Assert.Equal(findings.Count, findings.DistinctBy(f => f.Key).Count());
    }
}
