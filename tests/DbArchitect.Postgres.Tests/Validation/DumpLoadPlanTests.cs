using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Tests.Validation;

public sealed class DumpLoadPlanTests
{
    private static readonly string[] Dump =
    [
        "SET statement_timeout = 0",
        "SELECT pg_catalog.set_config('search_path', '', false)",
        "CREATE TABLE public.a (id bigint NOT NULL)",
        "CREATE TABLE public.\"B c\" (id bigint NOT NULL, a_id bigint)",
        "ALTER TABLE ONLY public.a\n    ADD CONSTRAINT a_pkey PRIMARY KEY (id)",
        "CREATE INDEX b_a_id ON public.\"B c\" USING btree (a_id)",
        "CREATE UNIQUE INDEX a_id_uq ON ONLY public.a USING btree (id)",
        "COMMENT ON INDEX public.b_a_id IS 'x'",
        "ALTER TABLE ONLY public.\"B c\"\n    ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES public.a(id)",
        "CREATE TRIGGER t BEFORE INSERT ON public.a FOR EACH ROW EXECUTE FUNCTION public.f()",
    ];

    [Fact]
    public void Keys_and_indexes_go_to_the_parallel_part_and_everything_else_keeps_its_order_around_them()
    {
        var plan = DumpLoadPlan.Of(Dump);

        Assert.Equal([Dump[0], Dump[1]], plan.Settings);
        Assert.Equal(Dump[..4], plan.Before);
        // A quoted name with a space is not pg_dump's plain layout to this reader: it keeps its place in order.
        Assert.Equal([Dump[5], Dump[7], Dump[8], Dump[9]], plan.After);
        Assert.Equal([("public.a", Dump[4]), ("public.a", Dump[6])], plan.Indexes);
    }

    [Fact]
    public void One_tables_statements_share_a_lane_and_the_lanes_cover_every_index()
    {
        var plan = DumpLoadPlan.Of([.. Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            $"ALTER TABLE ONLY public.t{i}\n    ADD CONSTRAINT t{i}_pkey PRIMARY KEY (id)",
            $"CREATE INDEX t{i}_x ON public.t{i} USING btree (x)",
        })]);

        var lanes = plan.IndexLanes(3);

        Assert.Equal(3, lanes.Count);
        Assert.Equal(80, lanes.Sum(l => l.Count));
        Assert.All(Enumerable.Range(0, 40), i => Assert.Single(lanes, l => l.Any(s => s.Contains($" public.t{i} ", StringComparison.Ordinal) || s.Contains($" public.t{i}\n", StringComparison.Ordinal))));
    }
}
