using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tests.Workload;

public sealed class PostgresLogTests
{
    [Fact]
    public void Slow_statement_and_auto_explain_entries_are_grouped_by_normalised_text()
    {
        var log = """
            2026-11-25 10:00:00.001 UTC [101] LOG:  duration: 120.500 ms  statement: SELECT * FROM orders
            	WHERE customer_id = 7
            2026-11-25 10:00:01.002 UTC [102] LOG:  duration: 80.000 ms  statement: SELECT * FROM orders WHERE customer_id = 9
            2026-11-25 10:00:02.003 UTC [103] LOG:  duration: 15.250 ms  execute <unnamed>: SELECT name FROM products WHERE id = $1
            2026-11-25 10:00:02.004 UTC [103] DETAIL:  parameters: $1 = '5'
            2026-11-25 10:00:03.000 UTC [104] LOG:  duration: 300.000 ms  plan:
            	Query Text: SELECT count(*) FROM events WHERE kind = 'click'
            	Aggregate  (cost=10.00..10.01 rows=1 width=8) (actual time=299.1..299.1 rows=1 loops=1)
            	  ->  Seq Scan on events  (cost=0.00..9.00 rows=400 width=0)
            2026-11-25 10:00:04.000 UTC [105] LOG:  checkpoint starting: time
            """.Split('\n');

        var workload = PostgresLog.Parse(log);

        Assert.Equal(3, workload.Count);
        var events = workload[0];
        Assert.Equal("SELECT count(*) FROM events WHERE kind = $1", events.Text);
        Assert.Equal(300.0, events.TotalTimeMs);
        var orders = Assert.Single(workload, s => s.Text.StartsWith("SELECT * FROM orders", StringComparison.Ordinal));
        Assert.Equal("SELECT * FROM orders WHERE customer_id = $1", orders.Text);
        Assert.Equal(2, orders.Calls);
        Assert.Equal(200.5, orders.TotalTimeMs);
        Assert.Contains(workload, s => s.Text == "SELECT name FROM products WHERE id = $1" && s.Calls == 1);
    }

    [Fact]
    public async Task A_workload_file_that_is_a_server_log_is_read_as_one_whatever_its_name()
    {
        var log = Path.Combine(Path.GetTempPath(), $"dbarch-workload-{Guid.NewGuid():N}.sql");
        var script = Path.Combine(Path.GetTempPath(), $"dbarch-workload-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(log, """
            2026-11-25 10:00:00.001 UTC [101] LOG:  duration: 120.500 ms  statement: SELECT * FROM orders WHERE customer_id = 7
            2026-11-25 10:00:01.002 UTC [102] LOG:  duration: 80.000 ms  statement: SELECT * FROM orders WHERE customer_id = 9
            """);
        await File.WriteAllTextAsync(script, "-- LOG:  duration: 1.0 ms  statement: not a log\nSELECT 1;\nSELECT 2;\n");
        try
        {
            var fromLog = await WorkloadFile.ReadAsync(log, CancellationToken.None);
            var fromScript = await WorkloadFile.ReadAsync(script, CancellationToken.None);

            var orders = Assert.Single(fromLog);
            Assert.Equal(WorkloadSource.Log, orders.Source);
            Assert.Equal(2, orders.Calls);
            Assert.Equal(["SELECT 1", "SELECT 2"], fromScript.Select(s => s.Text));
        }
        finally
        {
            File.Delete(log);
            File.Delete(script);
        }
    }
}
