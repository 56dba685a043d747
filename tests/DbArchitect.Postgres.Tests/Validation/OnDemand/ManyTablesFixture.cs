using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Validation.OnDemand;

/// <summary>
/// 300 tables in a chain of foreign keys (each t_n references t_{n-1}), a view over one of them,
/// a partitioned table, an identity and a serial key, a SQL-standard function body, a function
/// over a table's row type and a commented column: a schema where copying what one check needs must not copy everything.
/// </summary>
public sealed class ManyTablesFixture : DatabaseFixture
{
    public const int Tables = 300;

    protected override async Task OnCreatedAsync()
    {
        await ExecuteAsync("CREATE TABLE public.t0 (id bigint PRIMARY KEY, parent_id bigint, note text)");
        for (var first = 1; first < Tables; first += 50)
        {
            var batch = Enumerable.Range(first, Math.Min(50, Tables - first)).Select(i => $"""
                CREATE TABLE public.t{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id bigint REFERENCES public.t{i - 1} (id), note text, code serial);
                CREATE INDEX t{i}_note_idx ON public.t{i} (note);
                """);
            await ExecuteAsync(string.Concat(batch));
        }

        await ExecuteAsync("""
            CREATE VIEW public.t5_notes AS SELECT id, note FROM public.t5;
            COMMENT ON COLUMN public.t7.note IS 'free text';
            CREATE TABLE public.events (at timestamptz NOT NULL, kind text, PRIMARY KEY (at)) PARTITION BY RANGE (at);
            CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE TABLE public.events_2027 PARTITION OF public.events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
            CREATE FUNCTION public.t1_count() RETURNS bigint LANGUAGE sql RETURN (SELECT count(*) FROM public.t1);
            CREATE FUNCTION public.t3_rows() RETURNS SETOF public.t3 LANGUAGE sql AS 'SELECT * FROM public.t3';
            """);
    }
}
