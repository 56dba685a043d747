using DbArchitect.Postgres.Migrations;

namespace DbArchitect.Postgres.Tests.Migrations;

public sealed class ChainCreationsTests
{
    [Fact]
    public void A_relation_is_created_before_the_migrations_after_its_first_creator_and_later_only_for_those_before_it()
    {
        // audit is created by migrations 0 and 3 (dropped and made again); report only by migration 2.
        var chain = new ChainCreations([["audit"], [], ["report"], ["audit"]]);

        Assert.Equal([false, true, true, true], Enumerable.Range(0, 4).Select(i => chain.CreatedBefore("audit", i)));
        Assert.Equal([true, false, false, false], Enumerable.Range(0, 4).Select(i => chain.CreatedLater("audit", i)));
        Assert.Equal([true, true, false, false], Enumerable.Range(0, 4).Select(i => chain.CreatedLater("report", i)));
        Assert.Equal([false, false, false, true], Enumerable.Range(0, 4).Select(i => chain.CreatedBefore("report", i)));
        Assert.False(chain.CreatedBefore("users", 3) || chain.CreatedLater("users", 0));
    }
}
