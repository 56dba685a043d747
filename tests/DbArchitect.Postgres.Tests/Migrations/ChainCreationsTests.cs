using DbArchitect.Postgres.Migrations;

namespace DbArchitect.Postgres.Tests.Migrations;

public sealed class ChainCreationsTests
{
    [Fact]
    public void A_relation_is_created_later_only_for_the_migrations_before_its_last_creator_and_not_after_its_first()
    {
        // audit is created by migrations 0 and 3 (dropped and made again); report only by migration 2.
        var chain = new ChainCreations([["audit"], [], ["report"], ["audit"]]);

        Assert.Equal([true, false, false, false], Enumerable.Range(0, 4).Select(i => chain.CreatedLater("audit", i)));
        Assert.Equal([true, true, false, false], Enumerable.Range(0, 4).Select(i => chain.CreatedLater("report", i)));
        Assert.False(chain.CreatedLater("users", 0));
    }
}
