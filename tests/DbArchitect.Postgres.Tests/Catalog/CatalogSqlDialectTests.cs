using DbArchitect.Postgres.Catalog.Reading;

namespace DbArchitect.Postgres.Tests.Catalog;

public sealed class CatalogSqlDialectTests
{
    private static IEnumerable<string> Queries()
    {
        var assembly = typeof(CatalogSqlDialect).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Catalog.Queries.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return reader.ReadToEnd();
        }
    }

    [Fact]
    public void Queries_for_servers_before_15_name_no_column_added_in_15()
    {
        var older = Queries().Select(sql => CatalogSqlDialect.For(sql, new Version(14, 12))).ToList();

        Assert.NotEmpty(older);
        Assert.DoesNotContain(older, sql => sql.Contains("nullsnotdistinct", StringComparison.Ordinal) && !sql.Split('\n').Where(l => l.Contains("nullsnotdistinct", StringComparison.Ordinal)).All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        Assert.DoesNotContain(older, sql => sql.Contains("confdelsetcols", StringComparison.Ordinal) && !sql.Split('\n').Where(l => l.Contains("confdelsetcols", StringComparison.Ordinal)).All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
    }

    [Fact]
    public void Queries_for_15_and_later_are_sent_as_written()
    {
        foreach (var sql in Queries())
        {
            Assert.Same(sql, CatalogSqlDialect.For(sql, new Version(15, 18)));
        }
    }
}
