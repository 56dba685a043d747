using DbArchitect.Agent.Model;
using DbArchitect.Core.Failures;
using DbArchitect.Evals;
using DbArchitect.Evals.RealSchemas;
using DbArchitect.Postgres.Scratch;
using Microsoft.Extensions.Configuration;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args.FirstOrDefault() == "real")
{
    return await RealSchemaCommand.RunAsync(args[1..], cancellation.Token);
}

EvalArguments arguments;
ModelAnswerSource answers;
try
{
    arguments = EvalArguments.Parse(args);
    answers = arguments.RecordDirectory is null ? new ModelAnswerSource()
        : ModelOptionsReader.Read(arguments.Model, new ConfigurationManager()) is { Provider: not ModelProvider.None } live ? new ModelAnswerSource(live, arguments.RecordDirectory)
        : throw new ArgumentException("--record needs a live model: --model PROVIDER --model-name NAME (key in DBARCH_API_KEY)");
}
catch (Exception e) when (e is ArgumentException or DbArchitectException)
{
    Console.Error.WriteLine($"evals: {e.Message}");
    Console.Error.WriteLine("usage: dotnet run --project evals/DbArchitect.Evals -c Release [-- --mode deterministic|model|both] [--json PATH] [--scenario NAME] [--scenarios DIR] [--record DIR --model PROVIDER [--model-endpoint URL] --model-name NAME]");
    return 2;
}

var scenarios = await ScenarioCatalog.LoadAsync(arguments, cancellation.Token);
if (scenarios.Count == 0)
{
    Console.Error.WriteLine($"evals: no scenario named {arguments.Scenario}");
    return 2;
}

var progress = new StderrProgress();
var grades = new List<ScenarioGrade>();
await using (var cluster = await ScratchCluster.StartAsync(cancellationToken: cancellation.Token))
{
    var runner = new ScenarioRunner(cluster, progress, answers);
    foreach (var mode in new[] { EvalMode.Deterministic, EvalMode.Model }.Where(arguments.Runs))
    {
        foreach (var scenario in scenarios)
        {
            var run = await runner.RunAsync(scenario, mode, cancellation.Token);
            grades.Add(ScenarioGrade.Of(run));
            progress.Report($"{scenario.Name} ({mode.ToString().ToLowerInvariant()}): {(run.Failed ? "FAILED " + run.Error : $"{run.Findings.Count} findings")} in {run.Elapsed.TotalSeconds:0.0} s");
        }
    }
}

var report = EvalReport.From(grades);
ReportPrinter.Print(report, Console.Out);
if (arguments.JsonPath is not null)
{
    await report.WriteAsync(arguments.JsonPath, cancellation.Token);
}

// Precision below 1 is a measurement, not a failure; only a scenario that could not run fails the run.
return grades.Any(g => g.Run.Failed) ? 1 : 0;
