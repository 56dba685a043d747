using System.Text;

namespace DbArchitect.Core.Migrations.Reports;

/// <summary>Workflow commands GitHub Actions turns into annotations on the pull request's lines (<c>::error file=…,line=…::…</c>).</summary>
public static class GitHubAnnotations
{
    public static string Render(LintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        foreach (var finding in report.Findings)
        {
            text.Append("::").Append(LintMarkdown.Level(finding.Finding.Severity) == "note" ? "notice" : LintMarkdown.Level(finding.Finding.Severity))
                .Append(" file=").Append(Property(finding.Path.Replace('\\', '/')))
                .Append(",line=").Append(finding.Line)
                .Append(",title=").Append(Property(finding.Finding.RuleId))
                .Append("::").Append(Data($"{finding.Finding.Title}. Safe rewrite: {finding.Finding.Remedy?.Up}"))
                .Append('\n');
        }

        return text.ToString();
    }

    // GitHub's escaping for workflow command data and properties.
    private static string Data(string value) => value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) => Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
