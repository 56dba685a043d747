using DbArchitect.Postgres.Scratch;

namespace DbArchitect.Evals.RealSchemas;

/// <summary>
/// <c>real [--keep DIR] FILE…</c>: each file is a public project's schema, fetched by whoever runs
/// the eval and never committed here. Exit 0 when every schema was analysed with no remedy
/// refused on the copy, 1 otherwise, 2 for bad arguments.
/// </summary>
internal static class RealSchemaCommand
{
    public const string Usage = "usage: dotnet run --project evals/DbArchitect.Evals -c Release -- real [--keep DIR] SCHEMA.sql [SCHEMA.sql …]";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        string? keep = null;
        var files = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--keep" && i + 1 < arguments.Count)
            {
                keep = Path.GetFullPath(arguments[++i]);
            }
            else if (arguments[i].StartsWith("--", StringComparison.Ordinal) || !File.Exists(arguments[i]))
            {
                Console.Error.WriteLine($"evals real: {(arguments[i].StartsWith("--", StringComparison.Ordinal) ? "unknown option" : "no such file")} {arguments[i]}");
                Console.Error.WriteLine(Usage);
                return 2;
            }
            else
            {
                files.Add(Path.GetFullPath(arguments[i]));
            }
        }

        if (files.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var progress = new StderrProgress();
        var runs = new List<RealSchemaRun>();
        await using (var cluster = await ScratchCluster.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var runner = new RealSchemaRunner(cluster, progress, keep);
            foreach (var file in files)
            {
                var run = await runner.RunAsync(file, cancellationToken).ConfigureAwait(false);
                runs.Add(run);
                progress.Report($"{run.Name}: exit {run.Exit}, {run.Findings.Count} findings, {run.Refused.Count} refused, in {run.Elapsed.TotalSeconds:0.0} s");
            }
        }

        RealSchemaReport.Print(runs, Console.Out);
        return runs.All(r => r.Exit == 0 && r.Refused.Count == 0) ? 0 : 1;
    }
}
