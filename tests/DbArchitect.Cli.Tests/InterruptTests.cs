using System.Diagnostics;

namespace DbArchitect.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) sent to a real <c>dbarch analyze --demo</c> process when each stage begins:
/// the run ends with the cancelled code, writes no TODO, and no PostgreSQL it started is left.
/// The child gets its own TMPDIR, so its scratch servers are told apart from the other tests'.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InterruptTests
{
    public static TheoryData<string> Stages => new()
    {
        "starting a scratch PostgreSQL",
        "reading the catalog",
        "planning the workload",
        "findings from",
        "copying the schema",
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task Ctrl_C_at_each_stage_exits_130_writes_nothing_and_leaves_no_server_running(string stage)
    {
        using var temp = new TempDirectory();
        var scratchRoot = Directory.CreateDirectory(Path.Combine(temp.Path, "tmp")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(temp.Path, "out")).FullName;
        // The scratch server runs as an unprivileged user when the tests run as root.
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0x3FF);
        File.SetUnixFileMode(scratchRoot, (UnixFileMode)0x3FF);

        // A test run started in the background inherits SIGINT ignored, and a process keeps an ignored
        // SIGINT ignored; perl (essential on Debian) restores the default before it execs dbarch, as a terminal would have it.
        var start = new ProcessStartInfo("perl") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "dotnet", Path.Combine(AppContext.BaseDirectory, "dbarch.dll"), "analyze", "--demo", "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = scratchRoot;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = new List<string>();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            seen.Add(line);
            if (line.Contains(stage, StringComparison.Ordinal))
            {
                await SendInterruptAsync(process.Id);
                break;
            }
        }

        seen.AddRange((await process.StandardError.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode} after '{stage}':\n{string.Join('\n', seen)}");
        Assert.False(File.Exists(Path.Combine(output, "TODO_database-architect.md")));
        Assert.Empty(ServersUnder(scratchRoot));
    }

    private static async Task SendInterruptAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>PostgreSQL processes whose command line names a data directory under <paramref name="root"/>.</summary>
    private static List<string> ServersUnder(string root) =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => Path.Combine(d, "cmdline"))
            .Select(path => { try { return File.ReadAllText(path).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Where(command => command.Contains("postgres", StringComparison.Ordinal) && command.Contains(root, StringComparison.Ordinal))];
}
