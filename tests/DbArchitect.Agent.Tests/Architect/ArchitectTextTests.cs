using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Architect.Tools;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Agent.Tests.Architect;

public sealed class ArchitectTextTests
{
    [Fact]
    public void Literal_redactor_replaces_constants_in_sql_and_workload_values_in_prose()
    {
        var redactor = LiteralRedactor.For(["SELECT * FROM t WHERE email = 'ann@example.com' AND id > 90210"]);

        Assert.Equal("SELECT * FROM t WHERE email = $1 AND id > $2", redactor.Sql("SELECT * FROM t WHERE email = 'ann@example.com' AND id > 90210"));
        Assert.Equal("planned with $1 = ?; the table's 412 rows", redactor.Prose("planned with $1 = ann@example.com; the table's 412 rows"));
        Assert.Equal("filter (email = '?') removed ? rows", redactor.Prose("filter (email = 'someone@else') removed 90210 rows"));
    }

    [Fact]
    public void Literal_redactor_off_passes_text_through()
    {
        Assert.Equal("WHERE id = 42", LiteralRedactor.Off.Sql("WHERE id = 42"));
        Assert.Equal("'x'", LiteralRedactor.Off.Prose("'x'"));
    }

    [Fact]
    public void Bounded_json_cuts_a_large_result_to_the_budget_and_says_so()
    {
        var rows = Enumerable.Range(0, 2000).Select(i => new TableSummary($"public.table_{i}", "table", i, i, $"{i} bytes")).ToList();

        var json = BoundedJson.Serialize(new TablePage(1, 2000, 2000, rows));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(json.GetRawText()) <= BoundedJson.MaxBytes);
        Assert.True(json.GetProperty("truncated").GetBoolean());
        Assert.Equal(2000, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public void Bounded_json_leaves_a_small_result_whole()
    {
        var json = BoundedJson.Serialize(new ToolRefusal("no"));

        Assert.False(json.TryGetProperty("truncated", out _));
        Assert.Equal("no", json.GetProperty("error").GetString());
    }

    [Fact]
    public void Create_index_statement_reads_keys_include_method_and_predicate()
    {
        var parsed = CreateIndexStatement.TryParse(
            """CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON "Sales".orders USING btree (lower(email), created_at DESC) INCLUDE (total) WHERE status = 'open';""",
            Snapshot(("Sales", "orders")), out var candidate, out var error);

        Assert.True(parsed, error);
        Assert.Equal("Sales", candidate!.Schema);
        Assert.Equal(["lower(email)", "created_at DESC"], candidate.Keys);
        Assert.Equal(["total"], candidate.Include);
        Assert.Equal("status = 'open'", candidate.Predicate);
        Assert.Equal(["created_at", "total"], CreateIndexStatement.PlainColumns(candidate));
    }

    [Fact]
    public void Create_index_statement_resolves_an_unqualified_table_and_reads_the_method()
    {
        Assert.True(CreateIndexStatement.TryParse("create index on orders using hash (status)", Snapshot(("public", "orders")), out var candidate, out _));
        Assert.Equal(("public", "hash", "status"), (candidate!.Schema, candidate.Method, candidate.Keys.Single()));
    }

    [Fact]
    public void Measured_numbers_accept_a_rounded_citation_and_ignore_digits_in_names()
    {
        var measured = new MeasuredNumbers();
        measured.AddFrom("""{"totalCost": 1234.5678, "rows": 412331, "name": "orders_2024"}""");

        Assert.True(measured.Contains(1234.57m, 2));
        Assert.True(measured.Contains(1235m, 0));
        Assert.True(measured.Contains(412331m, 0));
        Assert.False(measured.Contains(2024m, 0));
        Assert.Equal([(412331m, 0), (38m, 0)], MeasuredNumbers.Extract("412,331 (38% of live) in public.t2, $1"));
    }

    private static CatalogSnapshot Snapshot((string Schema, string Name) table) => new()
    {
        Server = new ServerInfo { VersionNumber = 150000, Version = "15.0", Database = "db", DatabaseSizeBytes = 0, ServerStarted = DateTimeOffset.UnixEpoch, SnapshotTakenAt = DateTimeOffset.UnixEpoch },
        Activity = new ActivityInfo { TotalConnections = 1, MaxConnections = 100 },
        Tables = [new TableInfo { Oid = 1, Schema = table.Schema, Name = table.Name, Kind = TableKind.Table, EstimatedRows = 0, TotalBytes = 0, TableBytes = 0, IndexBytes = 0 }],
    };
}
