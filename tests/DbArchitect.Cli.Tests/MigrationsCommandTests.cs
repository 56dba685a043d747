using System.Text.Json;

namespace DbArchitect.Cli.Tests;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class MigrationsCommandTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public MigrationsCommandTests()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_repo.Path, "db", "migrations")).FullName;
        File.WriteAllText(Path.Combine(folder, "1_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        File.WriteAllText(Path.Combine(folder, "1_users.down.sql"), "DROP TABLE users;\n");
        File.WriteAllText(Path.Combine(folder, "2_email.up.sql"), "SET lock_timeout = '5s';\n-- look users up by email\nCREATE INDEX users_email_idx ON users (email);\n");
        File.WriteAllText(Path.Combine(folder, "2_email.down.sql"), "DROP INDEX users_email_idx;\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_high_finding_fails_the_run_by_default_and_never_lets_it_pass()
    {
        var failing = await CliRun.InvokeAsync("migrations", "lint", _repo.Path);
        var passing = await CliRun.InvokeAsync("migrations", "lint", _repo.Path, "--fail-on", "never");

        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("| high | `index-not-concurrent` | `db/migrations/2_email.up.sql:3` |", failing.Output, StringComparison.Ordinal);
        Assert.Equal(0, passing.ExitCode);
        Assert.Equal(failing.Output, passing.Output);
    }

    [Fact]
    public async Task Sarif_names_the_rule_file_and_line_for_code_scanning()
    {
        var run = await CliRun.InvokeAsync("migrations", "lint", _repo.Path, "--format", "sarif", "--fail-on", "never");

        Assert.Equal(0, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Output);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal(("index-not-concurrent", "error"), (result.GetProperty("ruleId").GetString(), result.GetProperty("level").GetString()));
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("db/migrations/2_email.up.sql", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("index-not-concurrent", sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task On_github_actions_findings_are_also_annotations_on_their_lines_and_stdout_stays_json()
    {
        using var environment = new ProcessEnvironment(("GITHUB_ACTIONS", "true"));

        var run = await CliRun.InvokeAsync("migrations", "lint", _repo.Path, "--format", "json", "--fail-on", "never");

        var annotation = Assert.Single(run.Error.Split('\n'), line => line.StartsWith("::", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("index-not-concurrent", json.RootElement.GetProperty("findings")[0].GetProperty("ruleId").GetString());
        Assert.StartsWith("::error file=db/migrations/2_email.up.sql,line=3,title=index-not-concurrent::", annotation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_exit_3_and_an_unknown_severity_exit_2_each_with_one_line()
    {
        var missing = await CliRun.InvokeAsync("migrations", "lint", Path.Combine(_repo.Path, "nope"));
        var unknown = await CliRun.InvokeAsync("migrations", "lint", _repo.Path, "--fail-on", "severe");

        Assert.Equal(3, missing.ExitCode);
        Assert.StartsWith("dbarch: cannot read the migrations folder", missing.LastErrorLine, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--fail-on: unknown severity 'severe'", unknown.LastErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_proves_each_migration_on_a_scratch_server_and_exits_1_on_a_down_that_loses_data()
    {
        var folder = Path.Combine(_repo.Path, "db", "migrations");
        File.WriteAllText(Path.Combine(folder, "3_drop_email.up.sql"), "ALTER TABLE users DROP COLUMN email;\n");
        File.WriteAllText(Path.Combine(folder, "3_drop_email.down.sql"), "ALTER TABLE users ADD COLUMN email text;\n");

        var run = await CliRun.InvokeAsync("migrations", "verify", _repo.Path, "--rows", "100", "--format", "json");

        Assert.True(run.ExitCode == 1, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var migrations = json.RootElement.GetProperty("chains")[0].GetProperty("migrations").EnumerateArray().ToList();
        Assert.Equal(3, migrations.Count);
        Assert.True(migrations[1].GetProperty("reversible").GetBoolean());
        Assert.Contains("SHARE on public.users (100 rows)", migrations[1].GetProperty("locks")[0].GetString(), StringComparison.Ordinal);
        Assert.False(migrations[2].GetProperty("dataPreserving").GetBoolean());
    }

    [Fact]
    public async Task With_a_live_database_a_lock_on_a_table_it_does_not_have_keeps_its_severity_and_an_unreachable_one_is_exit_3()
    {
        var server = await DbArchitect.Testing.TestServer.GetAsync();

        var live = await CliRun.InvokeAsync("migrations", "lint", _repo.Path, "--format", "json", "--connection", server.AdminConnectionString);
        var unreachable = await CliRun.InvokeAsync("migrations", "lint", _repo.Path, "--connection", "Host=127.0.0.1;Port=1;Username=x;Timeout=2");

        Assert.True(live.ExitCode == 1, live.Error);
        Assert.Contains("scoring lock findings with the live tables", live.Error, StringComparison.Ordinal);
        Assert.Equal("high", JsonDocument.Parse(live.Output).RootElement.GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal(3, unreachable.ExitCode);
    }

    [Fact]
    public async Task Verify_refuses_a_negative_row_count_with_exit_2()
    {
        var run = await CliRun.InvokeAsync("migrations", "verify", _repo.Path, "--rows", "-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rows must be between 0 and 10,000,000", run.LastErrorLine, StringComparison.Ordinal);
    }
}
