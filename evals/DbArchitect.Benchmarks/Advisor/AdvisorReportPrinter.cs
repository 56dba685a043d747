using System.Globalization;
using System.Text.Json;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>Renders the advisor benchmark's report as a console table, and as JSON for tooling.</summary>
internal static class AdvisorReportPrinter
{
    private const int LabelWidth = 28;
    private const int ColumnWidth = 12;

    public static void Print(AdvisorBenchmarkReport report, TextWriter output)
    {
        (string Heading, SetEvaluation? Set)[] columns =
        [
            ("no index", report.Baseline),
            ("ours", report.Ours),
            ("ours greedy", report.OursGreedy),
            ("idx_advisor", report.IndexAdvisor),
            ("opt<=bytes", report.OptimumWithinOurBytes),
            ("optimum", report.Optimum),
        ];

        output.WriteLine($"advisor benchmark: {report.Statements.Count} statements, {report.CandidateCount} candidates, data loaded in {F1(report.LoadSeconds)} s");
        output.WriteLine($"{"statement",-LabelWidth} {"calls",7}{string.Concat(columns.Select(c => Cell(c.Heading)))}");
        for (var i = 0; i < report.Statements.Count; i++)
        {
            var statement = report.Statements[i];
            output.WriteLine($"{Cut(statement.Label),-LabelWidth} {statement.Calls,7}{string.Concat(columns.Select(c => Cell(CostText(c.Set, i))))}");
        }

        output.WriteLine($"{"Σ calls × cost",-LabelWidth} {"",7}{string.Concat(columns.Select(c => Cell(c.Set is null ? "skipped" : Scientific(c.Set.Total))))}");
        output.WriteLine($"{"index bytes",-LabelWidth} {"",7}{string.Concat(columns.Select(c => Cell(c.Set is null ? "skipped" : Megabytes(c.Set.Bytes))))}");
        output.WriteLine($"{"index count",-LabelWidth} {"",7}{string.Concat(columns.Select(c => Cell(c.Set is null ? "skipped" : c.Set.Indexes.Count.ToString(CultureInfo.InvariantCulture))))}");
        output.WriteLine();

        foreach (var (heading, set) in columns.Skip(1).Where(c => c.Set is not null))
        {
            output.WriteLine($"{heading}:");
            foreach (var index in set!.Indexes)
            {
                output.WriteLine($"  {index}");
            }

            foreach (var index in set.NotSimulated)
            {
                output.WriteLine($"  {index}   (not simulated by hypopg, not counted)");
            }
        }

        output.WriteLine();
        output.WriteLine($"selection           {report.SelectionMethod}");
        foreach (var note in report.AdvisorNotes)
        {
            output.WriteLine($"advisor note        {note}");
        }

        output.WriteLine($"advisor time        ours {F1(report.OursMsPerStatement)} ms/statement, greedy {F1(report.OursGreedyMsPerStatement)} ms/statement, index_advisor {(report.IndexAdvisorMsPerStatement is { } ms ? F1(ms) + " ms/statement" : "skipped")}");
        foreach (var error in report.IndexAdvisorErrors)
        {
            output.WriteLine($"index_advisor error {error}");
        }

        output.WriteLine($"exhaustive search   {F1(report.ExhaustiveSeconds)} s; optimum predicted {Scientific(report.OptimumPredictedTotal)}, re-evaluated {Scientific(report.Optimum.Total)}");
        foreach (var component in report.ExhaustiveComponents)
        {
            output.WriteLine($"  {string.Join(" + ", component.Tables)}: {component.Candidates} candidates, {component.Statements} statements, {component.SubsetsPriced} subsets priced with {component.PlansRun} plans ({component.Method})");
        }

        output.WriteLine();
        output.WriteLine($"ours <= index_advisor cost: {YesNo(report.CostAtMostIndexAdvisor)}, bytes <=: {YesNo(report.BytesAtMostIndexAdvisor)}");
        output.WriteLine($"ours saving / exhaustive saving within our bytes = {Percent(report.ShareOfOptimumWithinOurBytes)} (target >= {Percent(AdvisorBenchmarkReport.TargetShareOfOptimum)})");
        output.WriteLine($"ours saving / unconstrained exhaustive saving     = {Percent(report.ShareOfOptimum)}");
        output.WriteLine(report.TargetsMet ? "targets met" : "TARGETS MISSED");
    }

    public static async Task WriteJsonAsync(AdvisorBenchmarkReport report, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, new JsonSerializerOptions { WriteIndented = true }, cancellationToken).ConfigureAwait(false);
    }

    private static string CostText(SetEvaluation? set, int statement) => set switch
    {
        null => "skipped",
        { Costs: var costs } when costs[statement] is { } cost => cost.ToString("F1", CultureInfo.InvariantCulture),
        _ => "not planned",
    };

    private static string Cell(string text) => text.PadLeft(ColumnWidth);

    private static string Cut(string label) => label.Length <= LabelWidth ? label : label[..(LabelWidth - 1)] + "…";

    private static string Scientific(double value) => value.ToString("0.000e0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "skipped",
    };
}
