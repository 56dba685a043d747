using DbArchitect.Postgres.Validation;
using DbArchitect.Postgres.Validation.OnDemand;

namespace DbArchitect.Postgres.Tests.Validation.OnDemand;

/// <summary>Which statements of a large same-shape script run, read against a dump alone (no server).</summary>
public sealed class SameShapeAnalogyTests
{
    private const int Tables = 250;

    private static readonly DumpedSchema Dump = DumpedSchema.Read([
        "SELECT pg_catalog.set_config('search_path', '', false)",
        .. Enumerable.Range(0, Tables).Select(i => $"CREATE TABLE public.t{i} (id bigint, parent_id bigint, note text)"),
        "CREATE TABLE public.events (at timestamptz, parent_id bigint) PARTITION BY RANGE (at)",
        "CREATE TABLE public.events_1 (at timestamptz, parent_id bigint)",
        "ALTER TABLE ONLY public.events ATTACH PARTITION public.events_1 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
        "CREATE TABLE public.odd (id bigint, parent_id text)",
    ]);

    private static (IReadOnlyList<string> Run, int ByAnalogy) Choose(IEnumerable<string> statements)
    {
        var (run, byAnalogy) = SameShapeAnalogy.Choose([.. statements.Select(ClassifiedStatement.Of)], Dump);
        return ([.. run.Select(s => s.Text)], byAnalogy);
    }

    [Fact]
    public void A_spread_of_each_shape_runs_with_the_drops_of_its_own_indexes_and_the_rest_is_analogy()
    {
        var creates = Enumerable.Range(0, Tables).Select(i => $"CREATE INDEX CONCURRENTLY t{i}_parent_idx ON public.t{i} (parent_id)").ToList();
        var drops = Enumerable.Range(0, Tables).Select(i => $"DROP INDEX CONCURRENTLY public.t{i}_parent_idx").ToList();

        var (run, byAnalogy) = Choose([.. creates, .. drops]);

        Assert.Equal(2 * SameShapeAnalogy.RunsPerShape, run.Count);
        Assert.Equal((2 * Tables) - run.Count, byAnalogy);
        Assert.Contains(creates[0], run);
        Assert.Contains(creates[^1], run);
        // Each drop that runs is of an index whose create ran: the copy never drops what only the analogy made.
        var ranCreates = creates.Select((sql, i) => (sql, i)).Where(c => run.Contains(c.sql)).Select(c => c.i).ToList();
        var ranDrops = drops.Select((sql, i) => (sql, i)).Where(d => run.Contains(d.sql)).Select(d => d.i).ToList();
        Assert.Equal(ranCreates, ranDrops);
    }

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY events_parent_idx ON public.events (parent_id)")]
    [InlineData("CREATE INDEX CONCURRENTLY events_1_parent_idx ON public.events_1 (parent_id)")]
    [InlineData("CREATE INDEX CONCURRENTLY odd_parent_idx ON public.odd (parent_id)")]
    [InlineData("CREATE INDEX CONCURRENTLY missing_parent_idx ON public.missing (parent_id)")]
    [InlineData("CREATE INDEX CONCURRENTLY t7_parent_idx ON public.t7 (parent)")]
    [InlineData("CREATE INDEX CONCURRENTLY t9_parent_idx ON public.t9 (parent_id)")]
    public void A_statement_the_dump_cannot_vouch_for_runs(string unlike)
    {
        // t9_parent_idx is made twice: the second one's name is taken.
        var script = Enumerable.Range(10, Tables - 10).Select(i => $"CREATE INDEX CONCURRENTLY t{i}_parent_idx ON public.t{i} (parent_id)")
            .Append("CREATE INDEX CONCURRENTLY t9_parent_idx ON public.t9 (parent_id)")
            .Append(unlike);

        var (run, _) = Choose(script);

        Assert.Contains(unlike, run);
    }
}
