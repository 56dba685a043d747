using DbArchitect.Core.Todo.Markdown;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Cli.Tests;

/// <summary>A table whose finding comes from its row sample (city determines zip), and a sequence near its end.</summary>
public sealed class LeastPrivilegeFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE deliveries (id bigint PRIMARY KEY, city text, zip text, quantity int);
        INSERT INTO deliveries SELECT g, 'City ' || (g % 25), 'Z' || (10000 + g % 25), 1 + (g * 7919) % 13 FROM generate_series(1, 600) g;
        CREATE SEQUENCE invoice_numbers AS integer;
        SELECT setval('invoice_numbers', 2000000000);
        ANALYZE;
        """);
}

/// <summary>
/// analyze as a role that may not read what the rules read: what it could not measure is named in
/// the Context, nothing unmeasured is reported or ticked, and the run finishes.
/// </summary>
public sealed class LeastPrivilegeTests(LeastPrivilegeFixture database) : IClassFixture<LeastPrivilegeFixture>
{
    private const string SampledFinding = "transitive-dependency:public.deliveries";
    private const string SequenceFinding = "sequence-near-exhaustion:public.invoice_numbers";

    [Fact]
    public async Task Without_select_on_the_tables_the_run_finishes_names_the_gap_and_never_ticks_what_it_could_not_see()
    {
        using var output = new TempDirectory();
        var first = await CliRun.InvokeAsync("analyze", "--connection", database.AdminConnectionString, "--out", output.Path);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        Assert.Contains(before.Items, i => i.FindingKey.StartsWith(SampledFinding, StringComparison.Ordinal) && !i.Done);
        Assert.Contains(before.Items, i => i.FindingKey == SequenceFinding && !i.Done);
        Assert.Contains(before.Context.Workload, w => w.StartsWith("Sources this run:", StringComparison.Ordinal) && w.Contains("row samples: 1 tables read, 0 empty, 0 refused", StringComparison.Ordinal) && w.Contains("sequences: 1 read", StringComparison.Ordinal));

        await using var role = await LimitedRole.CreateAsync(database, "pg_monitor");
        var second = await CliRun.InvokeAsync("analyze", "--connection", role.ConnectionString, "--out", output.Path);

        Assert.True(second.ExitCode == 0, second.Error);
        var after = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        Assert.False(after.Items.Single(i => i.FindingKey.StartsWith(SampledFinding, StringComparison.Ordinal)).Done);
        Assert.False(after.Items.Single(i => i.FindingKey == SequenceFinding).Done);
        Assert.Contains(after.Context.PainPoints, p => p.StartsWith("[not measured] no USAGE or SELECT on 1 sequences (public.invoice_numbers)", StringComparison.Ordinal));
        Assert.Contains(after.Context.Workload, w => w.StartsWith("Sources this run:", StringComparison.Ordinal) && w.Contains("pg_stats and row samples: refused on 1 of 1 tables", StringComparison.Ordinal) && w.Contains("sequences: 0 read, 1 refused", StringComparison.Ordinal));
        Assert.Contains(after.Context.PainPoints, p => p.StartsWith("[not measured] no SELECT on 1 tables (public.deliveries)", StringComparison.Ordinal) && p.Contains("pg_read_all_data", StringComparison.Ordinal));
        Assert.DoesNotContain(after.Context.PainPoints, p => p.Contains("hidden from this role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setting_hidden_from_the_role_is_not_taken_as_empty()
    {
        using var output = new TempDirectory();
        await using var role = await LimitedRole.CreateAsync(database, grant: null);

        var run = await CliRun.InvokeAsync("analyze", "--connection", role.ConnectionString, "--out", output.Path, "--no-sql-check");

        Assert.True(run.ExitCode == 0, run.Error);
        var document = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        Assert.DoesNotContain(document.Items, i => i.FindingKey.StartsWith("pg-stat-statements-missing", StringComparison.Ordinal));
        Assert.Contains(document.Context.PainPoints, p => p.StartsWith("[not measured] shared_preload_libraries is hidden", StringComparison.Ordinal));
        Assert.Contains(document.Context.PainPoints, p => p.StartsWith("[not measured] other roles' sessions and statements are hidden", StringComparison.Ordinal));
    }

    /// <summary>A login role with CONNECT and schema usage but no SELECT on any table, dropped afterwards.</summary>
    private sealed class LimitedRole : IAsyncDisposable
    {
        private readonly LeastPrivilegeFixture _database;
        private readonly string _name;

        private LimitedRole(LeastPrivilegeFixture database, string name, string connectionString) => (_database, _name, ConnectionString) = (database, name, connectionString);

        public string ConnectionString { get; }

        public static async Task<LimitedRole> CreateAsync(LeastPrivilegeFixture database, string? grant)
        {
            var name = "limited_" + Guid.NewGuid().ToString("N")[..8];
            await database.ExecuteAsync($"CREATE ROLE {name} LOGIN PASSWORD 'pw'; GRANT CONNECT ON DATABASE {database.DatabaseName} TO {name}; GRANT USAGE ON SCHEMA public TO {name};"
                + (grant is null ? "" : $" GRANT {grant} TO {name};"));
            var connection = new NpgsqlConnectionStringBuilder(database.AdminConnectionString) { Username = name, Password = "pw" }.ConnectionString;
            return new LimitedRole(database, name, connection);
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await _database.ExecuteAsync($"REVOKE ALL ON SCHEMA public FROM {_name}; REVOKE CONNECT ON DATABASE {_database.DatabaseName} FROM {_name}; DROP ROLE {_name};");
        }
    }
}
