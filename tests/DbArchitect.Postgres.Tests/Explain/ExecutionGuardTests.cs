using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Explain;

/// <summary>
/// Functions that act although the transaction is READ ONLY: statistics resets, signals to other
/// backends, dblink into the same database, and a VOLATILE function of ours that writes, also
/// hidden behind a view's column.
/// </summary>
public sealed class ActingFunctionsFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE EXTENSION dblink;
        CREATE TABLE t (id int);
        CREATE TABLE audit (at timestamptz NOT NULL);
        CREATE FUNCTION audited() RETURNS int LANGUAGE sql VOLATILE AS $$ INSERT INTO audit VALUES (now()) RETURNING 1 $$;
        CREATE VIEW audited_items AS SELECT id, audited() AS stamp FROM t;
        CREATE VIEW audited_window AS SELECT id, sum(audited()) OVER () AS stamps FROM t;
        CREATE VIEW audited_filter AS SELECT id FROM t WHERE id = (SELECT max(u.id) FROM t u WHERE u.id = t.id) AND audited() = 1;
        """);
}

public sealed class ExecutionGuardTests(ActingFunctionsFixture database) : IClassFixture<ActingFunctionsFixture>
{
    private async Task<ExplainRefusedException> RefusedAnalyze(string sql)
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        return await Assert.ThrowsAsync<ExplainRefusedException>(() =>
            new ExplainRunner(dataSource).ExplainAsync(sql, new ExplainOptions { Analyze = true }, CancellationToken.None));
    }

    [Fact]
    public async Task Statistics_resets_are_planned_not_executed_and_the_statistics_stay()
    {
        var statementsReset = await database.ScalarAsync<DateTime>("SELECT stats_reset FROM pg_stat_statements_info");

        var error = await RefusedAnalyze("SELECT pg_stat_statements_reset(), pg_stat_reset()");

        Assert.StartsWith("not executed: pg_stat_statements_reset is VOLATILE in pg_proc", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("planned only", error.Message, StringComparison.Ordinal);
        Assert.Equal(statementsReset, await database.ScalarAsync<DateTime>("SELECT stats_reset FROM pg_stat_statements_info"));
    }

    [Fact]
    public async Task Terminating_a_backend_is_refused_and_the_victim_lives()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.AdminConnectionString) { ApplicationName = "victim", Pooling = false };
        await using var victim = new NpgsqlConnection(builder.ConnectionString);
        await victim.OpenAsync();

        var error = await RefusedAnalyze("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'victim'");

        Assert.Contains("pg_terminate_backend is VOLATILE in pg_proc", error.Message, StringComparison.Ordinal);
        await using var alive = new NpgsqlCommand("SELECT 1", victim);
        Assert.Equal(1, await alive.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Dblink_is_refused_and_the_table_stays()
    {
        var error = await RefusedAnalyze($"SELECT dblink_exec('dbname={database.DatabaseName}', 'DROP TABLE t')");

        Assert.Contains("dblink_exec", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 't'"));
    }

    [Fact]
    public async Task A_writing_function_hidden_behind_a_view_is_seen_in_the_verbose_plan()
    {
        var error = await RefusedAnalyze("SELECT * FROM audited_items");

        Assert.Contains("audited is VOLATILE in pg_proc", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM audit"));
    }

    // PostgreSQL 15 prints the window as "OVER (?)" and the subquery as "(SubPlan 1)": neither is
    // SQL, and neither hides the call beside it.
    [Theory]
    [InlineData("SELECT * FROM audited_window")]
    [InlineData("SELECT * FROM audited_filter")]
    public async Task A_writing_function_beside_a_window_or_a_subplan_in_the_verbose_plan_is_seen(string sql)
    {
        var error = await RefusedAnalyze(sql);

        Assert.Contains("audited is VOLATILE in pg_proc", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM audit"));
    }

    [Theory]
    [InlineData("SELECT pg_advisory_lock(1)", "pg_advisory_lock")]
    [InlineData("SELECT public.audited()", "public.audited is VOLATILE")]
    [InlineData("SELECT set_config('work_mem', '1MB', true)", "set_config is VOLATILE")]
    [InlineData("SELECT txid_current()", "txid_current acts on the server although pg_proc marks it STABLE")]
    public async Task Functions_that_act_are_named_in_the_refusal(string sql, string reason)
    {
        var error = await RefusedAnalyze(sql);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_select_with_stable_and_immutable_functions_and_operators_still_runs_analyze()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);

        var result = await new ExplainRunner(dataSource).ExplainAsync(
            "SELECT lower('A') || 'b', now() > now() - interval '1 day', id = ANY ('{1,2}'::int[]) FROM t WHERE id + 1 > 0",
            new ExplainOptions { Analyze = true }, CancellationToken.None);

        Assert.True(result.Analyzed);
    }
}
