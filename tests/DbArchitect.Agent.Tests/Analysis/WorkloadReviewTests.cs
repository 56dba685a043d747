using DbArchitect.Agent.Analysis;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;

namespace DbArchitect.Agent.Tests.Analysis;

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

public sealed class WorkloadReviewTests(SkewedWorkloadFixture database) : IClassFixture<SkewedWorkloadFixture>
{
    private async Task<WorkloadReviewResult> ReviewAsync(params string[] statements)
    {
        await using var session = TargetSession.Open(database.AdminConnectionString);
        var snapshot = await new CatalogReader(session).ReadAsync(CancellationToken.None);
        var workload = statements.Select(text => new WorkloadStatement { Text = text, Source = WorkloadSource.File }).ToList();
        return await new WorkloadReview(session, new IndexAdvisor(session)).ReviewAsync(snapshot, workload, largeTableRows: 10_000, new Progress<string>(), CancellationToken.None);
    }

    [Fact]
    public async Task Parameterised_statement_on_a_skewed_indexed_column_gets_a_skewed_parameter_plan_finding()
    {
        var review = await ReviewAsync("SELECT id FROM orders WHERE status = $1");

        var finding = Assert.Single(review.Findings, f => f.RuleId == SkewedParameterPlanInsight.Id);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("'failed'", finding.Evidence.Single(e => e.Label == "rare values").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rare_value_scan_of_an_unindexed_column_is_found_on_the_sampled_plan_and_says_which_value_it_used()
    {
        var review = await ReviewAsync("SELECT id FROM tickets WHERE state = $1");

        var finding = Assert.Single(review.Findings, f => f.RuleId == "seq-scan-selective-filter");
        Assert.Contains("'failed'", finding.Evidence.Single(e => e.Label == "planned with").Value, StringComparison.Ordinal);
        Assert.DoesNotContain(review.Findings, f => f.RuleId == SkewedParameterPlanInsight.Id);
        Assert.Equal(review.Findings.Count, review.Findings.DistinctBy(f => f.Key).Count());
    }
}
