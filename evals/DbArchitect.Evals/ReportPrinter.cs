using System.Globalization;

namespace DbArchitect.Evals;

/// <summary>The report as Markdown tables, one section per mode, ready to paste into the README, each followed by what its scenarios got wrong.</summary>
internal static class ReportPrinter
{
    public static void Print(EvalReport report, TextWriter output)
    {
        if (report.Deterministic is { } deterministic)
        {
            output.WriteLine($"## Deterministic mode, {deterministic.Scenarios.Count} scenarios (large-table threshold {report.LargeTableRows:N0} rows)");
            output.WriteLine();
            PrintFamilies(deterministic, output);
            output.WriteLine($"TODO schema validity: {deterministic.TodoValid} valid, {deterministic.TodoInvalid} refused by validation. Repairs: {deterministic.Repairs} (deterministic).");
            var changed = deterministic.DocumentFamilies.Zip(deterministic.Families).Where(pair => pair.First != pair.Second).Select(pair => $"{pair.First.Family} {Ratio(pair.First.Precision)} / {Ratio(pair.First.Recall)}");
            output.WriteLine($"Graded by its document's items instead, as model mode is: precision {Ratio(deterministic.DocumentTotal.Precision)}, recall {Ratio(deterministic.DocumentTotal.Recall)} "
                + $"(TP {deterministic.DocumentTotal.TruePositives}, FP {deterministic.DocumentTotal.FalsePositives}, FN {deterministic.DocumentTotal.FalseNegatives}; precision / recall changes in {string.Join(", ", changed)}): findings without a remedy get no item.");
            output.WriteLine(report.Exclusions);
            output.WriteLine();
            output.WriteLine("| Scenario | TP | FP | FN | TODO valid | Seconds |");
            output.WriteLine("|---|---:|---:|---:|---|---:|");
            foreach (var scenario in deterministic.Scenarios)
            {
                output.WriteLine($"| {scenario.Name} | {scenario.TruePositives.Count} | {scenario.FalsePositives.Count} | {scenario.FalseNegatives.Count} | {Valid(scenario)} | {Seconds(scenario)} |");
            }

            PrintMistakes(deterministic, output);
        }

        if (report.Model is { } model)
        {
            if (report.Deterministic is not null)
            {
                output.WriteLine();
            }

            output.WriteLine($"## Model mode (recorded answers replayed), {model.Scenarios.Count} scenarios (large-table threshold {report.LargeTableRows:N0} rows)");
            output.WriteLine();
            PrintFamilies(model, output);
            output.WriteLine($"Graded by the finding keys of the written document's open items. Written TODO schema-valid: {model.SchemaValid} of {model.Scenarios.Count} ({model.TodoInvalid} refused by validation). "
                + $"First answer accepted: {model.FirstAnswerAccepted}; repairs (answers after the first): {model.Repairs}; deterministic fallback: {model.Fallbacks}. "
                + $"Tokens: {model.InputTokens:N0} in, {model.OutputTokens:N0} out (4 characters a token where a recording has no counts). "
                + $"Tool calls: {string.Join(", ", model.ToolCalls.Select(t => $"{t.Key} {t.Value}"))}.");
            output.WriteLine(report.Exclusions);
            output.WriteLine();
            output.WriteLine("| Scenario | TP | FP | FN | Schema valid | Answers | Fallback | Tool calls | Tokens in / out | Seconds |");
            output.WriteLine("|---|---:|---:|---:|---|---:|---|---:|---:|---:|");
            foreach (var scenario in model.Scenarios)
            {
                var run = scenario.Model;
                var answers = run is null ? "–" : run.Answers.ToString(CultureInfo.InvariantCulture);
                var fallback = run is null ? "–" : run.UsedFallback ? "yes" : "no";
                var tools = run is null ? "–" : run.ToolCalls.Values.Sum().ToString(CultureInfo.InvariantCulture);
                var tokens = run is null ? "–" : $"{run.InputTokens:N0} / {run.OutputTokens:N0}";
                output.WriteLine($"| {scenario.Name} | {scenario.TruePositives.Count} | {scenario.FalsePositives.Count} | {scenario.FalseNegatives.Count} | {Valid(scenario)} | {answers} | {fallback} | {tools} | {tokens} | {Seconds(scenario)} |");
            }

            PrintMistakes(model, output);
        }
    }

    private static void PrintFamilies(ModeReport mode, TextWriter output)
    {
        output.WriteLine("| Family | TP | FP | FN | Precision | Recall |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var family in mode.Families.Append(mode.Total))
        {
            var name = family == mode.Total ? "**Total**" : family.Family;
            output.WriteLine($"| {name} | {family.TruePositives} | {family.FalsePositives} | {family.FalseNegatives} | {Ratio(family.Precision)} | {Ratio(family.Recall)} |");
        }

        output.WriteLine();
    }

    private static void PrintMistakes(ModeReport mode, TextWriter output)
    {
        foreach (var scenario in mode.Scenarios.Where(s => s.FalsePositives.Count + s.FalseNegatives.Count > 0 || s.Error is not null || s.Model?.RepairErrors.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"{scenario.Name}:");
            if (scenario.Error is not null)
            {
                output.WriteLine($"  error: {scenario.Error}");
            }

            foreach (var key in scenario.FalsePositives)
            {
                output.WriteLine($"  FP {key}{(scenario.ForbiddenReported.Contains(key) ? "  (forbidden)" : "")}");
            }

            foreach (var key in scenario.FalseNegatives)
            {
                output.WriteLine($"  FN {key}");
            }

            foreach (var error in scenario.Model?.RepairErrors ?? [])
            {
                output.WriteLine($"  rejected, {error}");
            }
        }
    }

    private static string Valid(ScenarioReport scenario) => scenario.Failed ? "failed to run" : scenario.TodoValid && scenario.SchemaValid != false ? "yes" : "no";

    private static string Seconds(ScenarioReport scenario) => scenario.Seconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
