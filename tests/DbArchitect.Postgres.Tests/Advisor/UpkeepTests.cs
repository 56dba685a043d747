using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Postgres.Tests.Advisor;

public sealed class UpkeepTests
{
    [Fact]
    public void A_brin_index_is_charged_per_block_range_so_heavy_appends_do_not_rule_it_out()
    {
        const long appended = 200_000;

        var btree = Upkeep.Penalty("btree", 0, appended, costPerByte: 0);
        var brin = Upkeep.Penalty("brin", 0, appended, costPerByte: 0);

        Assert.Equal(appended, btree);
        Assert.Equal(appended / 128.0, brin);
    }
}
