using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbArchitect.Core.Migrations.Reports;

/// <summary>
/// The lint report as SARIF 2.1.0 (written here: no SARIF SDK restores on .NET 10), so code
/// scanning shows each finding on its file and line. The finding's key is its fingerprint, so a
/// finding keeps its identity across runs while lines move.
/// </summary>
public static class LintSarif
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(LintReport report, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = report.Findings.Select(f => f.Finding.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["shortDescription"] = new JsonObject { ["text"] = report.Findings.First(f => f.Finding.RuleId == id).Finding.Title },
                ["defaultConfiguration"] = new JsonObject { ["level"] = LintMarkdown.Level(report.Findings.First(f => f.Finding.RuleId == id).Finding.Severity) },
            })
            .ToArray();
        var results = report.Findings.Select(f => (JsonNode)new JsonObject
        {
            ["ruleId"] = f.Finding.RuleId,
            ["level"] = LintMarkdown.Level(f.Finding.Severity),
            ["message"] = new JsonObject { ["text"] = $"{f.Finding.Title}. {f.Finding.Rationale} Safe rewrite: {f.Finding.Remedy?.Up}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = f.Path.Replace('\\', '/'), ["uriBaseId"] = "SRCROOT" },
                    ["region"] = new JsonObject { ["startLine"] = f.Line },
                },
            }),
            ["partialFingerprints"] = new JsonObject { ["dbarchFindingKey/v1"] = f.Finding.Key },
        }).ToArray();
        var notAnalysed = report.NotAnalysed.Select(n => (JsonNode)new JsonObject
        {
            ["level"] = "note",
            ["message"] = new JsonObject { ["text"] = $"{n.Path}:{n.Line}: {n.Reason}" },
        }).ToArray();
        var document = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject { ["name"] = "dbarch", ["version"] = toolVersion, ["rules"] = new JsonArray(rules) },
                },
                ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["uri"] = new Uri(Path.GetFullPath(report.Root) + Path.DirectorySeparatorChar).AbsoluteUri } },
                ["results"] = new JsonArray(results),
                ["invocations"] = new JsonArray(new JsonObject { ["executionSuccessful"] = true, ["toolExecutionNotifications"] = new JsonArray(notAnalysed) }),
            }),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
