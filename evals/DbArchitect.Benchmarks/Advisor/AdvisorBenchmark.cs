using System.Diagnostics;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// Measures the index advisor on a shop database and workload against two yardsticks: Supabase's
/// index_advisor (when its SQL file is given) and the exhaustive optimum over the advisor's own
/// candidates. Every set is measured by one <see cref="IndexSetEvaluator"/>, so the figures compare.
/// </summary>
internal sealed class AdvisorBenchmark : IBenchmark
{
    private const int DefaultMaxComponent = 18;

    public string Name => "advisor";

    public string Usage => "[--index-advisor index_advisor.sql] [--json PATH] [--max-component 18] [--source File|PgStatStatements]  index advisor vs Supabase index_advisor vs exhaustive optimum";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        var anchorScript = arguments.Text("index-advisor");
        if (!Enum.TryParse<WorkloadSource>(arguments.Text("source") ?? nameof(WorkloadSource.File), ignoreCase: true, out var source))
        {
            Console.Error.WriteLine($"--source must be one of {string.Join(", ", Enum.GetNames<WorkloadSource>())}");
            return 2;
        }

        if (anchorScript is not null && !File.Exists(anchorScript))
        {
            Console.Error.WriteLine($"no such file: {anchorScript}");
            return 2;
        }

        await using var cluster = await ScratchCluster.StartAsync(new ScratchClusterOptions(), cancellationToken);
        if (!cluster.HypoPgAvailable)
        {
            Console.Error.WriteLine("hypopg is not installed on this machine (apt-get install postgresql-15-hypopg); the benchmark needs it");
            return 2;
        }

        var connectionString = await cluster.CreateDatabaseAsync("shop", cancellationToken);
        var load = Stopwatch.StartNew();
        await ShopDatabase.BuildAsync(connectionString, cancellationToken);
        var loadSeconds = load.Elapsed.TotalSeconds;
        var workload = await BenchmarkStatement.ReadWorkloadAsync(source, cancellationToken);
        var statements = workload.Select(statement => statement.Statement).ToList();

        await using var dataSource = TargetDataSource.Create(connectionString);
        var advisor = new IndexAdvisor(dataSource);
        Console.Error.WriteLine("advising (cp-sat) …");
        var ours = await advisor.AdviseAsync(statements, new AdvisorOptions(), cancellationToken);
        Console.Error.WriteLine("advising (greedy) …");
        var greedy = await advisor.AdviseAsync(statements, new AdvisorOptions { UseSolver = false }, cancellationToken);
        SupabaseAdvice? anchor = null;
        if (anchorScript is not null)
        {
            Console.Error.WriteLine("advising (index_advisor) …");
            await SupabaseIndexAdvisor.InstallAsync(connectionString, anchorScript, cancellationToken);
            anchor = await SupabaseIndexAdvisor.AdviseAsync(connectionString, workload, cancellationToken);
        }

        await using var session = await HypotheticalIndexSession.OpenAsync(dataSource, cancellationToken)
            ?? throw new InvalidOperationException("hypopg is missing from the benchmark database");
        var evaluator = new IndexSetEvaluator(session, workload);
        var baseline = await evaluator.EvaluateAsync("no index", [], cancellationToken);
        var oursIndexes = ours.Recommendations.Select(r => r.Index).ToList();
        var oursSet = await evaluator.EvaluateAsync("ours", oursIndexes, cancellationToken);
        var greedySet = await evaluator.EvaluateAsync("ours greedy", [.. greedy.Recommendations.Select(r => r.Index)], cancellationToken);
        var anchorSet = anchor is null ? null : await evaluator.EvaluateAsync("index_advisor", anchor.Indexes, cancellationToken);

        Console.Error.WriteLine($"exhaustive search over {ours.Candidates.Count} candidates …");
        var plansWithoutIndexes = new List<StatementPlan>();
        foreach (var statement in workload)
        {
            plansWithoutIndexes.Add(await StatementPlan.PlanAsync(session, statement.Text, cancellationToken));
        }

        var search = new ExhaustiveSearch(session, arguments.Int("max-component", DefaultMaxComponent));
        long[] budgets = anchorSet is null ? [oursSet.Bytes] : [oursSet.Bytes, anchorSet.Bytes];
        var exhaustive = await search.SearchAsync(workload, plansWithoutIndexes, ours.Candidates, oursIndexes, budgets, cancellationToken);
        var report = new AdvisorBenchmarkReport
        {
            Statements = [.. workload.Select(s => new ReportStatement(s.Label, s.Calls, s.Text))],
            WorkloadSource = source.ToString(),
            Baseline = baseline,
            Ours = oursSet,
            OursGreedy = greedySet,
            IndexAdvisor = anchorSet,
            OptimumWithinOurBytes = await EvaluateAsync(evaluator, "optimum within our bytes", exhaustive.WithinBudgets[0], cancellationToken),
            OptimumWithinIndexAdvisorBytes = exhaustive.WithinBudgets.Count > 1 ? await EvaluateAsync(evaluator, "optimum within index_advisor's bytes", exhaustive.WithinBudgets[1], cancellationToken) : null,
            OptimumMethod = exhaustive.Methods[0],
            EveryCandidate = await evaluator.EvaluateAsync("every candidate", [.. ours.Candidates.Where(c => c.Hypothetical)], cancellationToken),
            SmallestOptimum = exhaustive.Cheapest is { } cheapest ? await evaluator.EvaluateAsync("smallest optimum", cheapest.Indexes, cancellationToken) : null,
            SelectionMethod = ours.SelectionMethod,
            AdvisorNotes = ours.Notes,
            CandidateCount = ours.Candidates.Count,
            OursMsPerStatement = PerStatement(ours.Elapsed, workload.Count),
            OursGreedyMsPerStatement = PerStatement(greedy.Elapsed, workload.Count),
            IndexAdvisorMsPerStatement = anchor?.TimePerStatement.TotalMilliseconds,
            IndexAdvisorErrors = anchor?.Errors ?? [],
            ExhaustiveComponents = exhaustive.Components,
            ExhaustiveSeconds = exhaustive.Elapsed.TotalSeconds,
            OptimumWithinOurBytesPredicted = exhaustive.WithinBudgets[0]?.Cost,
            LoadSeconds = loadSeconds,
        };

        AdvisorReportPrinter.Print(report, Console.Out);
        RealIndexComparison? real = null;
        if (anchor is not null)
        {
            Console.Error.WriteLine("real indexes: workload and other constants …");
            var other = await OtherConstantsWorkload.DrawAsync(dataSource, session, workload, cancellationToken);
            var realEvaluator = new RealIndexEvaluator(connectionString, dataSource);
            IReadOnlyList<IReadOnlyList<BenchmarkStatement>> both = [workload, other];
            real = new RealIndexComparison(
                ["workload", "other constants"],
                await realEvaluator.EvaluateAsync("no index", [], both, cancellationToken),
                await realEvaluator.EvaluateAsync("ours", oursIndexes, both, cancellationToken),
                await realEvaluator.EvaluateAsync("index_advisor", anchor.Indexes, both, cancellationToken),
                exhaustive.WithinBudgets[1] is { } optimum ? await realEvaluator.EvaluateAsync("optimum within index_advisor's bytes", optimum.Indexes, both, cancellationToken) : null);
            real.Print(other, Console.Out);
        }

        if (arguments.Text("json") is { } jsonPath)
        {
            await AdvisorReportPrinter.WriteJsonAsync(report, jsonPath, cancellationToken);
        }

        return report.TargetsMet && real?.TargetsMet != false ? 0 : 1;
    }

    private static async Task<SetEvaluation?> EvaluateAsync(IndexSetEvaluator evaluator, string name, IndexChoice? choice, CancellationToken cancellationToken) =>
        choice is null ? null : await evaluator.EvaluateAsync(name, choice.Indexes, cancellationToken);

    private static double PerStatement(TimeSpan elapsed, int statements) => elapsed.TotalMilliseconds / Math.Max(1, statements);
}
