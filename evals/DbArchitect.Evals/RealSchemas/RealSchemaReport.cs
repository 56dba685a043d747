using System.Globalization;

namespace DbArchitect.Evals.RealSchemas;

/// <summary>The real-schema runs as Markdown, ready for the README: one row per schema, then each independent check beside the tool's count.</summary>
internal static class RealSchemaReport
{
    public static void Print(IReadOnlyList<RealSchemaRun> runs, TextWriter output)
    {
        var families = runs.SelectMany(r => r.Findings).Select(f => RuleFamilies.Of(f.RuleId)).Distinct(StringComparer.Ordinal)
            .OrderBy(f => RuleFamilies.InOrder.ToList().IndexOf(f) is var i && i < 0 ? int.MaxValue : i).ThenBy(f => f, StringComparer.Ordinal).ToList();
        output.WriteLine($"| Schema | Statements loaded / skipped / failed | Tables | Exit | Seconds | {string.Join(" | ", families)} | Items | TODO KB | Refused on the copy |");
        output.WriteLine($"|---|---|---:|---:|---:|{string.Concat(families.Select(_ => "---:|"))}---:|---:|---:|");
        foreach (var run in runs)
        {
            var perFamily = families.Select(family => run.Findings.Count(f => RuleFamilies.Of(f.RuleId) == family).ToString(CultureInfo.InvariantCulture));
            var skipped = run.Load.SkippedForMissingRole + run.Load.SkippedForMissingExtension;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Name} | {run.Load.Loaded} / {skipped} / {run.Load.Failures.Count} | {run.Tables} | {run.Exit} | {run.Elapsed.TotalSeconds:0.0} | {string.Join(" | ", perFamily)} | {run.Items} | {run.TodoBytes / 1024.0:0.0} | {run.Refused.Count} |"));
        }

        output.WriteLine();
        output.WriteLine("| Schema | Rule | Independent query | Tool | Missed by the tool | Not expected |");
        output.WriteLine("|---|---|---:|---:|---|---|");
        foreach (var run in runs)
        {
            foreach (var check in run.Checks)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run.Name} | `{check.Fact.RuleId}` ({check.Fact.Meaning}) | {check.Expected.Count} | {check.Found.Count} | {string.Join(", ", check.Missed)} | {string.Join(", ", check.Extra)} |"));
            }
        }

        foreach (var run in runs.Where(r => r.Error is not null || r.Refused.Count > 0 || r.Load.Failures.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"{run.Name}:");
            if (run.Error is not null)
            {
                output.WriteLine($"- run failed: {run.Error}");
            }

            foreach (var line in run.Load.Failures.Take(10).Select(f => "- did not load: " + f).Concat(run.Refused.Select(r => "- refused: " + r)))
            {
                output.WriteLine(line);
            }
        }
    }
}
