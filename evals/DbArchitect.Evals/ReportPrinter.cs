using System.Globalization;

namespace DbArchitect.Evals;

/// <summary>The report as Markdown tables, ready to paste into the README, followed by what each scenario got wrong.</summary>
internal static class ReportPrinter
{
    public static void Print(EvalReport report, TextWriter output)
    {
        output.WriteLine($"## Deterministic mode, {report.Scenarios.Count} scenarios (large-table threshold {report.LargeTableRows:N0} rows)");
        output.WriteLine();
        output.WriteLine("| Family | TP | FP | FN | Precision | Recall |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var family in report.Families.Append(report.Total))
        {
            var name = family == report.Total ? "**Total**" : family.Family;
            output.WriteLine($"| {name} | {family.TruePositives} | {family.FalsePositives} | {family.FalseNegatives} | {Ratio(family.Precision)} | {Ratio(family.Recall)} |");
        }

        output.WriteLine();
        output.WriteLine($"TODO schema validity: {report.TodoValid} valid, {report.TodoInvalid} refused by validation. Repairs: {report.Repairs} (deterministic). Model mode: {report.Model}.");
        output.WriteLine(report.Exclusions);
        output.WriteLine();
        output.WriteLine("| Scenario | TP | FP | FN | TODO valid | Repairs | Model | Seconds |");
        output.WriteLine("|---|---:|---:|---:|---|---:|---|---:|");
        foreach (var scenario in report.Scenarios)
        {
            var valid = scenario.Failed ? "failed to run" : scenario.TodoValid ? "yes" : "no";
            output.WriteLine($"| {scenario.Name} | {scenario.TruePositives.Count} | {scenario.FalsePositives.Count} | {scenario.FalseNegatives.Count} | {valid} | {scenario.Repairs} | {scenario.Model} | {scenario.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} |");
        }

        foreach (var scenario in report.Scenarios.Where(s => s.FalsePositives.Count + s.FalseNegatives.Count > 0 || s.Error is not null))
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
        }
    }

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
