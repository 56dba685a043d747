using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Tools;

/// <summary>One shop database for every tool test class: its facts and findings take a few seconds to collect.</summary>
[CollectionDefinition(Name)]
public sealed class ShopWorkloadCollection : ICollectionFixture<ShopWorkloadFixture>
{
    public const string Name = "shop workload database";
}
