using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>Renders the advisor benchmark's report as a console table, and as JSON for tooling.</summary>
internal static class AdvisorReportPrinter
{
    private const int LabelWidth = 28;
    private const int ColumnWidth = 12;

    // Planner costs within 1 % are the same plan priced through slightly different paths.
    private const double ShortfallTolerance = 0.01;

    public static void Print(AdvisorBenchmarkReport report, TextWriter output)
    {
        (string Heading, SetEvaluation? Set)[] columns =
        [
            ("no index", report.Baseline),
            ("ours", report.Ours),
            ("ours greedy", report.OursGreedy),
            ("idx_advisor", report.IndexAdvisor),
            ("opt<=ours B", report.OptimumWithinOurBytes),
            ("opt<=idx B", report.OptimumWithinIndexAdvisorBytes),
            ("every cand.", report.EveryCandidate),
        ];

        output.WriteLine($"advisor benchmark: {report.Statements.Count} statements (as source {report.WorkloadSource}), {report.CandidateCount} candidates, data loaded in {F1(report.LoadSeconds)} s");
        output.WriteLine($"{"statement",-LabelWidth} {"calls",7}{string.Concat(columns.Select(c => Cell(c.Heading)))}");
        for (var i = 0; i < report.Statements.Count; i++)
        {
            var statement = report.Statements[i];
            output.WriteLine($"{Cut(statement.Label),-LabelWidth} {statement.Calls,7}{string.Concat(columns.Select(c => Cell(CostText(c.Set, i))))}");
        }

        output.WriteLine($"{"Σ calls × cost",-LabelWidth} {"",7}{string.Concat(columns.Select(c => Cell(c.Set is null ? "skipped" : Scientific(c.Set.Total))))}");
        output.WriteLine($"{"index bytes",-LabelWidth} {"",7}{string.Concat(columns.Select(c => Cell(c.Set is null ? "skipped" : Megabytes(c.Set.Bytes))))}");
        output.WriteLine($"{"index count",-LabelWidth} {"",7}{string.Concat(columns.Select(c => Cell(c.Set is null ? "skipped" : c.Set.Indexes.Count.ToString(CultureInfo.InvariantCulture))))}");
        output.WriteLine("(opt<=ours B, opt<=idx B: optimum over our candidates within our / index_advisor's index bytes; idx columns skipped without --index-advisor)");
        output.WriteLine();

        // Every candidate is the advisor's own list; printing it would drown the sets being compared.
        foreach (var (heading, set) in columns.Where(c => c.Set is not null && !ReferenceEquals(c.Set, report.Baseline) && !ReferenceEquals(c.Set, report.EveryCandidate)))
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

        output.WriteLine($"exhaustive search   {F1(report.ExhaustiveSeconds)} s, {report.OptimumMethod}" + (report.OptimumWithinOurBytes is { } within
            ? $"; optimum within our bytes predicted {Scientific(report.OptimumWithinOurBytesPredicted ?? 0)}, re-evaluated {Scientific(within.Total)}"
            : ""));
        foreach (var component in report.ExhaustiveComponents)
        {
            output.WriteLine($"  {string.Join(" + ", component.Tables)}: {component.Candidates} candidates, {component.Statements} statements, {component.SubsetsPriced} subsets priced with {component.PlansRun} plans ({component.Method})");
            if (component is { Ours: { } ours, BestWithinOurBytes: { } best })
            {
                output.WriteLine($"    ours here {ours.Indexes.Count} indexes, {Megabytes(ours.Bytes)}, Σ {Scientific(ours.Cost)}; best in as many bytes {best.Indexes.Count} indexes, {Megabytes(best.Bytes)}, Σ {Scientific(best.Cost)}");
                foreach (var index in best.Indexes)
                {
                    output.WriteLine($"      {index.Definition}");
                }
            }
        }

        PrintShortfalls(report, output);
        output.WriteLine();
        output.WriteLine($"ours <= index_advisor cost: {YesNo(report.CostAtMostIndexAdvisor)}, bytes <=: {YesNo(report.BytesAtMostIndexAdvisor)}");
        output.WriteLine(report.ShareOfOptimumWithinOurBytes is { } share
            ? $"ours saving / exhaustive saving within our bytes = {Percent(share)} (target >= {Percent(AdvisorBenchmarkReport.TargetShareOfOptimum)})"
            : $"ours saving / exhaustive saving within our bytes = not searched; at least {Percent(report.ShareOfOptimum)} (target >= {Percent(AdvisorBenchmarkReport.TargetShareOfOptimum)})");
        output.WriteLine($"ours saving / unconstrained optimum saving (every candidate) = {Percent(report.ShareOfOptimum)}");
        if (report.SmallestOptimum is { } smallest)
        {
            output.WriteLine($"unconstrained optimum reached with {smallest.Indexes.Count} indexes, {Megabytes(smallest.Bytes)} at least (ours: {report.Ours.Indexes.Count}, {Megabytes(report.Ours.Bytes)})");
        }
        output.WriteLine(report.TargetsMet ? "targets met" : "TARGETS MISSED");
    }

    /// <summary>The statements where ours leaves cost another set shows is avoidable: what tuning the advisor should look at.</summary>
    private static void PrintShortfalls(AdvisorBenchmarkReport report, TextWriter output)
    {
        var yardsticks = new[] { report.EveryCandidate, report.OptimumWithinOurBytes, report.IndexAdvisor }.OfType<SetEvaluation>().ToList();
        for (var i = 0; i < report.Statements.Count; i++)
        {
            if (report.Ours.Costs[i] is not { } ours)
            {
                continue;
            }

            foreach (var better in yardsticks.Where(set => set.Costs[i] is { } cost && cost < ours * (1 - ShortfallTolerance)))
            {
                var statement = report.Statements[i];
                output.WriteLine($"ours behind {better.Name} on {statement.Label}: {F1(ours)} vs {F1(better.Costs[i]!.Value)} × {statement.Calls} calls = {Scientific((ours - better.Costs[i]!.Value) * statement.Calls)}");
            }
        }
    }

    public static async Task WriteJsonAsync(AdvisorBenchmarkReport report, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        await JsonSerializer.SerializeAsync(stream, report, options, cancellationToken).ConfigureAwait(false);
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
