using DbArchitect.Postgres.Rewrites;

namespace DbArchitect.Postgres.Tests.Rewrites;

public sealed class ResultDigestTests
{
    private const string First = "0cc175b9c0f1b6a831c399e269772661";
    private const string Second = "92eb5ffee6ae2fec3ad71c777531578f";

    private static string Digest(bool ordered, params string[] rows)
    {
        using var digest = new ResultDigest(ordered);
        foreach (var row in rows)
        {
            digest.Add(row);
        }

        return digest.ToHex();
    }

    [Fact]
    public void Unordered_digest_ignores_row_order_but_counts_duplicates()
    {
        Assert.Equal(Digest(false, First, Second), Digest(false, Second, First));
        Assert.NotEqual(Digest(false, First, Second), Digest(false, First, Second, Second));
        Assert.NotEqual(Digest(false), Digest(false, First));
    }

    [Fact]
    public void Ordered_digest_depends_on_row_order()
    {
        Assert.Equal(Digest(true, First, Second), Digest(true, First, Second));
        Assert.NotEqual(Digest(true, First, Second), Digest(true, Second, First));
    }
}
