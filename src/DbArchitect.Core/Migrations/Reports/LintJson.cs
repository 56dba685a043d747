using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbArchitect.Core.Migrations.Reports;

/// <summary>The lint report as JSON for machines: every chain and migration read, the findings, and what was not analysed or skipped.</summary>
public static class LintJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Render(LintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(new
        {
            report.Root,
            Chains = report.Chains.Select(c => new
            {
                c.Root,
                c.Conventions,
                Migrations = c.Migrations.Select(m => new { m.Version, m.Name, m.Convention, Up = m.Up.Path, Down = m.Down?.Path, m.RunsInTransaction }),
                c.Skipped,
            }),
            report.StatementsRead,
            Findings = report.Findings.Select(f => new { f.Finding.RuleId, f.Finding.Severity, f.Path, f.Line, f.Migration, f.Finding.Title, f.Finding.Rationale, f.Finding.Evidence, SafeRewrite = f.Finding.Remedy?.Up, f.Finding.Key }),
            report.NotAnalysed,
        }, Options);
    }
}
