using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Schema;

namespace DbArchitect.Postgres.Tests.Rules.Support;

public sealed class HabitAggregationTests
{
    [Fact]
    public void A_habit_across_most_of_a_schema_becomes_one_finding_with_one_combined_remedy()
    {
        var tables = Enumerable.Range(1, 8).Select(i => HandBuiltFacts.Table((uint)i, $"things_{i}", schema: "billing")).ToList();
        var columns = tables.Select(t => HandBuiltFacts.Column(t, 1, "id", "bigint", "int8")).ToList();

        var findings = new MissingAuditTimestampsRule().Evaluate(HandBuiltFacts.Facts(tables, columns)).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("billing", finding.Subject);
        Assert.Equal(8, finding.Tables.Count);
        Assert.Contains(finding.Evidence, e => e.Label == "tables affected" && e.Value == "8 of 8 in schema billing");
        Assert.Equal(16, finding.Remedy!.Up.Split('\n').Length);
        Assert.StartsWith("ALTER TABLE billing.things_8 DROP COLUMN updated_at;", finding.Remedy.Down, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_affected_tables_are_reported_one_by_one()
    {
        var tables = Enumerable.Range(1, 8).Select(i => HandBuiltFacts.Table((uint)i, $"things_{i}")).ToList();
        var columns = tables.SelectMany(t => t.Oid <= 6
            ? new[] { HandBuiltFacts.Column(t, 1, "created_at", "timestamp with time zone", "timestamptz"), HandBuiltFacts.Column(t, 2, "updated_at", "timestamp with time zone", "timestamptz") }
            : [HandBuiltFacts.Column(t, 1, "id", "bigint", "int8")]).ToList();

        var findings = new MissingAuditTimestampsRule().Evaluate(HandBuiltFacts.Facts(tables, columns)).ToList();

        Assert.Equal(["public.things_7", "public.things_8"], findings.Select(f => f.Subject));
    }
}
