using DbArchitect.Postgres.Explain.Constants;

namespace DbArchitect.Postgres.Tests.Explain.Constants;

public sealed class RowCountPlaceholdersTests
{
    [Fact]
    public void Limit_offset_and_fetch_first_placeholders_get_a_first_page()
    {
        var found = RowCountPlaceholders.Find("SELECT id FROM t WHERE a = $1 AND id IN (SELECT id FROM u FETCH FIRST $4 ROWS ONLY) ORDER BY id LIMIT $2 OFFSET $3");

        Assert.Equal([2, 3, 4], found.Keys.Order());
        Assert.Equal("20", found[2].Value);
        Assert.Equal("0", found[3].Value);
        Assert.Equal("20", found[4].Value);
    }

    [Fact]
    public void Placeholders_that_only_look_like_row_counts_are_values()
    {
        Assert.Empty(RowCountPlaceholders.Find("SELECT 'LIMIT $1' FROM t WHERE a = $1 -- OFFSET $2"));
        Assert.Empty(RowCountPlaceholders.Find("SELECT id FROM t LIMIT"));
    }
}
