using System.Globalization;
using System.Text;
using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Migrations.Reports;

/// <summary>A lint report for people: what was read, the findings worst first with lock and safe rewrite, and what was not analysed.</summary>
public static class LintMarkdown
{
    public static string Render(LintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Migration lint: {report.Root}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{report.Chains.Count} chain(s), {report.MigrationCount} migrations ({report.Chains.Sum(c => c.Migrations.Count(m => m.Down is not null))} with a down), {report.StatementsRead} statements read, {report.NotAnalysed.Count} not analysed, {report.Chains.Sum(c => c.Skipped.Count)} files skipped.");
        foreach (var chain in report.Chains)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{chain.Root}`: {chain.Migrations.Count} migrations ({string.Join(", ", chain.Conventions)})");
        }

        text.AppendLine();
        var bySeverity = report.Findings.GroupBy(f => f.Finding.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"## Findings: {report.Findings.Count}{(report.Findings.Count == 0 ? "" : $" ({string.Join(", ", bySeverity)})")}");
        text.AppendLine();
        if (report.Findings.Count > 0)
        {
            text.AppendLine("| severity | rule | where | finding | lock held, blocks | safe rewrite |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var finding in report.Findings)
            {
                var lockHeld = finding.Finding.Evidence.FirstOrDefault(e => e.Label == "lock")?.Value;
                var blocks = finding.Finding.Evidence.FirstOrDefault(e => e.Label == "blocks while held")?.Value;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {finding.Finding.Severity.ToString().ToLowerInvariant()} | `{finding.Finding.RuleId}` | `{finding.Path}:{finding.Line}` | {MarkdownCell.Of(finding.Finding.Title)} | {MarkdownCell.Of(lockHeld is null ? "–" : $"{lockHeld}: {blocks}")} | {MarkdownCell.Of(finding.Finding.Remedy?.Up ?? "")} |");
            }

            text.AppendLine();
        }

        Section(text, "Not analysed", report.NotAnalysed.Select(n => $"`{n.Path}:{n.Line}`: {n.Reason}"));
        Section(text, "Files skipped", report.Chains.SelectMany(c => c.Skipped).Select(s => $"`{s.Path}`: {s.Reason}"));
        return text.ToString();
    }

    /// <summary>The severity a finding is reported at in SARIF and in GitHub annotations.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}: {list.Count}");
        text.AppendLine();
        foreach (var line in list)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        text.AppendLine();
    }
}
