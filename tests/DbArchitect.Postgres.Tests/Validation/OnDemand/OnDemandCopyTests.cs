using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Validation;
using DbArchitect.Postgres.Validation.OnDemand;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Validation.OnDemand;

public sealed class OnDemandCopyTests(ManyTablesFixture target, ScratchClusterFixture scratch)
    : IClassFixture<ManyTablesFixture>, IClassFixture<ScratchClusterFixture>
{
    [Fact]
    public async Task A_check_on_one_table_copies_it_with_its_view_and_its_foreign_key_neighbours_and_nothing_else()
    {
        await using var copy = await CopyAsync();
        await using var checker = new ScratchSqlChecker(copy);

        Assert.Empty(await checker.CheckAsync([new SqlBlock("one", "CREATE INDEX CONCURRENTLY t5_code_idx ON public.t5 (code); DROP INDEX CONCURRENTLY public.t5_code_idx;")], CancellationToken.None));

        Assert.False(copy.Complete);
        // t3_rows() returns t3's row type, so it waits for t3 rather than failing the first load.
        Assert.Equal(["t4", "t5", "t5_notes", "t6"], await RelationsAsync(copy, "relkind IN ('r', 'v')"));
        Assert.True(copy.StatementsLoaded < copy.StatementsInDump / 10, $"{copy.StatementsLoaded} of {copy.StatementsInDump} statements loaded");
        Assert.Equal(2, checker.StatementsRun);
    }

    [Fact]
    public async Task A_script_of_hundreds_of_same_shape_indexes_runs_a_spread_of_them_and_accepts_the_rest_by_analogy()
    {
        await using var copy = await CopyAsync();
        await using var checker = new ScratchSqlChecker(copy);
        var tables = Enumerable.Range(1, ManyTablesFixture.Tables - 1).ToList();
        var script = string.Concat(tables.Select(i => $"CREATE INDEX CONCURRENTLY t{i}_parent_id_idx ON public.t{i} (parent_id);\n"))
            + string.Concat(tables.Select(i => $"DROP INDEX CONCURRENTLY IF EXISTS public.t{i}_parent_id_idx;\n"));

        Assert.Empty(await checker.CheckAsync([new SqlBlock("fk indexes", script)], CancellationToken.None));

        Assert.Equal(2 * SameShapeAnalogy.RunsPerShape, checker.StatementsRun);
        Assert.Equal((2 * tables.Count) - (2 * SameShapeAnalogy.RunsPerShape), checker.StatementsByAnalogy);
        Assert.False(copy.Complete);
    }

    [Fact]
    public async Task A_statement_unlike_its_shape_is_run_and_refused_with_the_servers_message()
    {
        await using var copy = await CopyAsync();
        await using var checker = new ScratchSqlChecker(copy);
        var script = string.Concat(Enumerable.Range(1, ManyTablesFixture.Tables - 1).Select(i => i == 101
            ? "CREATE INDEX t101_parent_idx ON public.t101 (parent);\n"
            : $"CREATE INDEX t{i}_parent_idx ON public.t{i} (parent_id);\n"));

        var error = Assert.Single(await checker.CheckAsync([new SqlBlock("fk indexes", script)], CancellationToken.None));

        Assert.Contains("column \"parent\" does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("t101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_reported_only_once_the_whole_schema_refuses_it_too()
    {
        await using var copy = await CopyAsync();
        await using var checker = new ScratchSqlChecker(copy);

        // The DO body's table is invisible to the parse tree, so the partial copy lacks it; the whole one has it.
        Assert.Empty(await checker.CheckAsync([new SqlBlock("body", "DO $$ BEGIN PERFORM count(*) FROM public.t200; END $$;")], CancellationToken.None));
        Assert.True(copy.Complete);

        var error = Assert.Single(await checker.CheckAsync([new SqlBlock("view", "ALTER TABLE public.t5 ALTER COLUMN note TYPE varchar(10);")], CancellationToken.None));
        Assert.Contains("used by a view or rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partitioned_table_comes_with_its_partitions_and_a_function_body_loads_with_the_whole_schema()
    {
        await using var copy = await CopyAsync();
        await using var checker = new ScratchSqlChecker(copy);

        // A partition first, its parent later: the tree comes whole the first time, keys in the dump's order.
        Assert.Empty(await checker.CheckAsync([new SqlBlock("partition", "CREATE INDEX events_2027_kind_idx ON public.events_2027 (kind); DROP INDEX public.events_2027_kind_idx;")], CancellationToken.None));
        Assert.Equal(["events", "events_2026", "events_2027"], await RelationsAsync(copy, "relkind IN ('r', 'p')"));
        Assert.Empty(await checker.CheckAsync([new SqlBlock("partitioned", "CREATE INDEX events_kind_idx ON public.events (kind); DROP INDEX public.events_kind_idx;")], CancellationToken.None));
        Assert.Equal(0, copy.Reloads);

        Assert.Empty(await checker.CheckAsync([new SqlBlock("function", "SELECT public.t1_count();")], CancellationToken.None));
        Assert.True(copy.Complete);
    }

    private Task<OnDemandCopy> CopyAsync() => SchemaCloner.PrepareAsync(
        target.AdminConnectionString, scratch.Cluster, SchemaCloner.DumpSchemaAsync(target.AdminConnectionString, scratch.Cluster.BinDirectory, CancellationToken.None), CancellationToken.None);

    private static async Task<List<string>> RelationsAsync(OnDemandCopy copy, string condition)
    {
        await using var connection = new NpgsqlConnection(copy.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT relname FROM pg_class AS c
            WHERE relnamespace = 'public'::regnamespace AND {condition}
              AND NOT EXISTS (SELECT FROM pg_depend AS d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY relname COLLATE "C"
            """, connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
