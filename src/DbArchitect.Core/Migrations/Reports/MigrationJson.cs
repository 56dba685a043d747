using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbArchitect.Core.Migrations.Reports;

/// <summary>Migration reports as JSON for machines: a lint's chains, findings and what was not analysed or skipped; a verification's verdicts.</summary>
public static class MigrationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A verification as JSON: every verdict with its evidence.</summary>
    public static string Render(Verification.VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(new
        {
            report.Root,
            report.RowsPerTable,
            report.Failed,
            Chains = report.Chains.Select(c => new
            {
                c.Chain.Root,
                c.StoppedAt,
                Seconds = c.Elapsed.TotalSeconds,
                Migrations = c.Verdicts.Select(v => new
                {
                    v.Migration.Version, v.Migration.Name, Up = v.Migration.Up.Path, Down = v.Migration.Down?.Path,
                    v.Applied, v.FailsWithRows, v.LockSafe, v.Reversible, v.DataPreserving, v.Rerunnable, v.Error,
                    v.Locks, v.Rewritten, v.SchemaDifferences, v.DataDifferences, v.Notes, UpMilliseconds = v.UpTime.TotalMilliseconds,
                }),
            }),
        }, Options);
    }

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
