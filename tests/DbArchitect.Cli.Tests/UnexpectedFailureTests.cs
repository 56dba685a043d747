using DbArchitect.Core.Failures;
using Npgsql;

namespace DbArchitect.Cli.Tests;

public sealed class UnexpectedFailureTests
{
    public static TheoryData<Exception, int> Failures => new()
    {
        { new DbArchitectException(FailureKind.Validation, "bad document"), 4 },
        { new OperationCanceledException(), 130 },
        { new NpgsqlException("connection lost"), 3 },
        { new IOException("disk full"), 3 },
        { new InvalidOperationException("a bug\nwith a second line"), 4 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Every_escaped_exception_is_one_line_and_a_documented_code(Exception exception, int expected)
    {
        var error = new StringWriter();

        var code = await UnexpectedFailure.ReportAsync(exception, error, verbose: false);

        Assert.Equal(expected, code);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("dbarch: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var error = new StringWriter();

        await UnexpectedFailure.ReportAsync(new InvalidOperationException("a bug"), error, verbose: true);

        Assert.Contains("InvalidOperationException", error.ToString(), StringComparison.Ordinal);
        Assert.True(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1);
    }
}
