using DbArchitect.Agent.Architect;
using DbArchitect.Core.Architect;
using DbArchitect.Core.Tools;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Tools;

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
    public void Literal_redactor_takes_the_workload_constants_the_lexer_reads_and_none_from_its_comments()
    {
        var redactor = LiteralRedactor.For(["SELECT 1 FROM t /* id 31337 */ WHERE note = E'tab\\there' AND code = 'O''Brien' AND n = 4711 -- 8080"]);

        Assert.Equal("kept ?, ?, ?; not 31337 or 8080", redactor.Prose("kept tab\\there, O'Brien, 4711; not 31337 or 8080"));
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
}
