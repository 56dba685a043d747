using DbArchitect.Core.Rules;

namespace DbArchitect.Postgres.Migrations;

/// <summary>Every migration lint rule in this assembly, found rather than listed (<see cref="RuleCatalog{TRule}"/>).</summary>
public static class MigrationRules
{
    private static readonly Lazy<RuleCatalog<IMigrationRule>> Catalog = new(() => RuleCatalog<IMigrationRule>.Of(typeof(MigrationRules).Assembly.GetTypes()));

    public static IReadOnlyList<IMigrationRule> All => Catalog.Value.All;
}
