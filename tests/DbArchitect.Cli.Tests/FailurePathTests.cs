using Npgsql;

namespace DbArchitect.Cli.Tests;

public sealed class FailurePathTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    [Fact]
    public async Task A_postgresql_uri_is_accepted_like_a_key_value_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(shop.AdminConnectionString);
        var uri = $"postgresql://{Uri.EscapeDataString(builder.Username!)}@{builder.Host}:{builder.Port}/{builder.Database}?sslmode=disable&application_name=x";

        var run = await CliRun.InvokeAsync("explain", "--connection", uri, "SELECT count(*) FROM orders");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Aggregate", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_uri_parameter_is_a_usage_error_in_one_line()
    {
        var run = await CliRun.InvokeAsync("explain", "--connection", "postgresql://u@127.0.0.1:1/db?target_session_attrs=any", "SELECT 1");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("target_session_attrs", run.LastErrorLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("advise")]
    public async Task A_nul_byte_in_a_workload_ends_in_one_line_and_a_documented_code_never_1(string command)
    {
        using var directory = new TempDirectory();
        var workload = Path.Combine(directory.Path, "workload.sql");
        await File.WriteAllTextAsync(workload, "SELECT * FROM orders WHERE status = 'a\0b';\n");

        string[] args = command == "analyze"
            ? ["analyze", "--connection", shop.AdminConnectionString, "--workload", workload, "--no-sql-check", "--out", directory.Path]
            : ["advise", "--connection", shop.AdminConnectionString, "--workload", workload];
        var run = await CliRun.InvokeAsync(args);

        Assert.Contains(run.ExitCode, new[] { 0, 2, 3, 4 });
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_exit_codes_and_the_severities_of_fail_on()
    {
        var root = await CliRun.InvokeAsync("--help");
        var analyze = await CliRun.InvokeAsync("analyze", "--help");

        Assert.Contains("130 cancelled", root.Output, StringComparison.Ordinal);
        Assert.Contains("--fail-on <info|low|medium|high|critical>", analyze.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_directory_that_cannot_be_written_is_refused_before_the_analysis()
    {
        // /proc exists and refuses new files to every user, root included.
        var run = await CliRun.InvokeAsync("analyze", "--connection", "Host=127.0.0.1;Port=1;Database=nowhere", "--out", "/proc");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--out: cannot write to /proc", run.LastErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("reading the catalog", run.Error, StringComparison.Ordinal);
    }
}
