using DbArchitect.Core.Todo;
using DbArchitect.Core.Todo.Markdown;
using Npgsql;

namespace DbArchitect.Cli.Tests;

public sealed class AnalyzeCommandTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    [Fact]
    public async Task Analyze_leaves_the_target_byte_for_byte_unchanged()
    {
        using var output = new TempDirectory();
        var before = await PgDump.DumpAsync(shop.AdminConnectionString);

        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", output.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(before, await PgDump.DumpAsync(shop.AdminConnectionString));
        Assert.True(File.Exists(output.TodoPath));
    }

    [Fact]
    public async Task Workload_statements_that_cannot_be_planned_are_named_once_in_the_context_with_the_reason()
    {
        using var output = new TempDirectory();
        var workload = Path.Combine(output.Path, "workload.sql");
        await File.WriteAllTextAsync(workload, "SELECT g FROM generate_series($1, $2) g;\nSELECT $1 && $2;\n");

        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--workload", workload, "--out", output.Path, "--no-sql-check");

        Assert.True(run.ExitCode == 0, run.Error);
        var workloadLines = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath)).Context.Workload;
        var notPlanned = Assert.Single(workloadLines, l => l.StartsWith("not planned: SELECT $1 && $2 ", StringComparison.Ordinal));
        Assert.DoesNotContain(workloadLines, l => l.StartsWith("not planned: SELECT g FROM generate_series", StringComparison.Ordinal));
        Assert.Contains("does not say what type its placeholders are", notPlanned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_writes_a_todo_that_parses_back_with_stable_ids_across_runs()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var runA = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", first.Path);
        var runB = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", second.Path);

        Assert.Equal(0, runA.ExitCode);
        Assert.Equal(0, runB.ExitCode);
        var a = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(first.TodoPath));
        var b = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(second.TodoPath));
        Assert.NotEmpty(a.Items);
        Assert.Equal(a.Items.Select(i => (i.Id, i.FindingKey)), b.Items.Select(i => (i.Id, i.FindingKey)));
        Assert.Contains(a.Items, i => i.FindingKey.Contains("orders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rerun_keeps_ticked_boxes_and_ticks_items_whose_finding_disappeared()
    {
        await shop.ExecuteAsync("CREATE TABLE IF NOT EXISTS scratchpad (note text)");
        using var output = new TempDirectory();
        var first = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", output.Path);
        Assert.Equal(0, first.ExitCode);
        var document = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        var scratchpadItem = Assert.Single(document.Items, i => i.FindingKey.Contains("scratchpad", StringComparison.Ordinal) && i.FindingKey.Contains("primary-key", StringComparison.Ordinal));
        var ticked = document.Items.First(i => i.Id != scratchpadItem.Id);
        var edited = (await File.ReadAllTextAsync(output.TodoPath)).Replace($"- [ ] **{ticked.Id}**", $"- [x] **{ticked.Id}**", StringComparison.Ordinal);
        await File.WriteAllTextAsync(output.TodoPath, edited);

        await shop.ExecuteAsync("DROP TABLE scratchpad");
        var second = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", output.Path);

        Assert.Equal(0, second.ExitCode);
        var merged = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        Assert.True(merged.Items.Single(i => i.Id == ticked.Id).Done);
        var resolved = merged.Items.Single(i => i.Id == scratchpadItem.Id);
        Assert.True(resolved.Done);
        Assert.Contains("no longer present", resolved.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_format_prints_the_validated_document_on_stdout_and_writes_no_file()
    {
        using var output = new TempDirectory();
        var previous = Directory.GetCurrentDirectory();

        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--format", "json", "--out", output.Path);

        Assert.Equal(0, run.ExitCode);
        var document = TodoJson.Deserialize(run.Output);
        Assert.NotEmpty(document.Items);
        Assert.False(File.Exists(output.TodoPath));
        Assert.Equal(previous, Directory.GetCurrentDirectory());
    }

    [Fact]
    public async Task Workload_statements_are_planned_and_their_insights_reach_the_todo()
    {
        using var output = new TempDirectory();
        var workload = Path.Combine(output.Path, "workload.sql");
        await File.WriteAllTextAsync(workload, """
            -- the orders page, page 200
            SELECT id, total FROM orders ORDER BY id OFFSET 2000 LIMIT 10;
            SELECT no_such_column FROM orders;
            """);

        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--workload", workload, "--out", output.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("workload statement not planned", run.Error, StringComparison.Ordinal);
        var document = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        Assert.Contains(document.Context.PainPoints, p => p.Contains("OFFSET 2000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_workload_file_exits_3_and_writes_nothing()
    {
        using var output = new TempDirectory();
        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--workload", Path.Combine(output.Path, "nope.sql"), "--out", output.Path);
        Assert.Equal(3, run.ExitCode);
        Assert.False(File.Exists(output.TodoPath));
    }

    [Fact]
    public async Task Fail_on_returns_exit_code_1_when_findings_reach_the_threshold()
    {
        using var output = new TempDirectory();
        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", output.Path, "--fail-on", "low");
        Assert.Equal(1, run.ExitCode);
        Assert.True(File.Exists(output.TodoPath));
    }

    [Fact]
    public async Task Unreachable_server_exits_3_with_one_line_and_leaves_the_existing_todo_untouched()
    {
        using var output = new TempDirectory();
        await File.WriteAllTextAsync(output.TodoPath, ExistingTodo.Markdown);
        var before = await File.ReadAllBytesAsync(output.TodoPath);

        var run = await CliRun.InvokeAsync("analyze", "--connection", "Host=127.0.0.1;Port=1;Username=x;Password=secret-pw;Database=x;Timeout=3", "--out", output.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("dbarch: cannot reach", run.LastErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(output.TodoPath));
    }

    [Fact]
    public async Task Malformed_connection_string_is_a_usage_error()
    {
        using var output = new TempDirectory();
        var run = await CliRun.InvokeAsync("analyze", "--connection", "Host=127.0.0.1;Nonsense Key=1", "--out", output.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("dbarch: invalid connection string", run.LastErrorLine, StringComparison.Ordinal);
        Assert.False(File.Exists(output.TodoPath));
    }

    [Fact]
    public async Task Permission_denied_exits_3_and_leaves_the_existing_todo_untouched()
    {
        var role = "nobody_" + Guid.NewGuid().ToString("N")[..8];
        await shop.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'pw'; REVOKE CONNECT ON DATABASE {shop.DatabaseName} FROM PUBLIC;");
        try
        {
            using var output = new TempDirectory();
            await File.WriteAllTextAsync(output.TodoPath, ExistingTodo.Markdown);
            var connection = new NpgsqlConnectionStringBuilder(shop.AdminConnectionString) { Username = role, Password = "pw" }.ConnectionString;

            var run = await CliRun.InvokeAsync("analyze", "--connection", connection, "--out", output.Path);

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("permission denied", run.LastErrorLine, StringComparison.Ordinal);
            Assert.Equal(ExistingTodo.Markdown, await File.ReadAllTextAsync(output.TodoPath));
        }
        finally
        {
            await shop.ExecuteAsync($"GRANT CONNECT ON DATABASE {shop.DatabaseName} TO PUBLIC; DROP ROLE {role};");
        }
    }

    [Fact]
    public async Task A_lock_held_elsewhere_hits_lock_timeout_exits_3_and_writes_nothing()
    {
        await shop.ExecuteAsync("CREATE TABLE IF NOT EXISTS locked_table (id int PRIMARY KEY, v text); INSERT INTO locked_table SELECT g, 'x' FROM generate_series(1, 100) g ON CONFLICT DO NOTHING; ANALYZE locked_table;");
        await using var holder = new NpgsqlConnection(shop.AdminConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("LOCK TABLE locked_table IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        using var output = new TempDirectory();
        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", output.Path);

        await transaction.RollbackAsync();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("lock_timeout", run.LastErrorLine, StringComparison.Ordinal);
        Assert.False(File.Exists(output.TodoPath));
    }

    [Fact]
    public async Task Unparseable_existing_todo_is_never_overwritten()
    {
        using var output = new TempDirectory();
        await File.WriteAllTextAsync(output.TodoPath, "- [ ] **DB-ITEM-1.1** broken\n- [ ] **DB-ITEM-1.1** duplicate id\n");
        var before = await File.ReadAllBytesAsync(output.TodoPath);

        var run = await CliRun.InvokeAsync("analyze", "--connection", shop.AdminConnectionString, "--out", output.Path);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal(before, await File.ReadAllBytesAsync(output.TodoPath));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "--demo", "--connection", "Host=x")]
    [InlineData("analyze", "--demo", "--fail-on", "sometimes")]
    [InlineData("analyze", "--demo", "--format", "xml")]
    [InlineData("analyse", "--demo")]
    public async Task Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
