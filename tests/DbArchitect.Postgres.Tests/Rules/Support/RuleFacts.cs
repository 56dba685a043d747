using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Rules.Support;

/// <summary>Runs rules the way the product does: facts collected through the read-only target session.</summary>
internal static class RuleFacts
{
    public static async Task<AnalysisFacts> CollectAsync(DatabaseFixture database, RuleOptions? options = null)
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        return await new FactsCollector(dataSource).CollectAsync(options ?? new RuleOptions(), CancellationToken.None);
    }

    public static async Task<IReadOnlyList<Finding>> EvaluateAsync(DatabaseFixture database, ISchemaRule rule, RuleOptions? options = null) =>
        rule.Evaluate(await CollectAsync(database, options)).ToList();
}
