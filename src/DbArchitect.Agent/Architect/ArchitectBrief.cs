using System.Text;
using DbArchitect.Core.Architect;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Findings;

namespace DbArchitect.Agent.Architect;

/// <summary>
/// The first user message: enough for the model to plan its tool calls (counts, the worst
/// findings, the workload ids, the deterministic plan's IDs to keep), and nothing it can look up.
/// </summary>
internal static class ArchitectBrief
{
    public const int TopFindings = 15;
    public const int TopWorkload = 10;
    public const int FallbackItems = 40;

    public static string Write(ArchitectInput input, IArchitectToolbox tools)
    {
        var (context, workload) = (input.Fallback.Context, tools.Workload);
        var text = new StringBuilder();
        text.AppendLine("Produce the TODO document for this database as one JSON object matching the schema you were given.");
        text.AppendLine();
        text.AppendLine($"context.engine: {context.Engine}; context.engineVersion: {context.EngineVersion}; context.source: {context.Source}");
        text.AppendLine($"context.generator (copy it as given): {input.Generator}");
        text.AppendLine($"Catalog: {input.Engine.CatalogSummary}.");
        var bySeverity = input.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        text.AppendLine($"Findings: {input.Findings.Count} ({string.Join(", ", bySeverity)}); list_findings pages through them with their evidence.");

        var required = input.Findings.Where(f => f.Severity >= Severity.High && f.Remedy is not null).Select(f => f.Key).ToList();
        if (required.Count > 0)
        {
            text.AppendLine($"Every one of these findings must be covered by an item (findingKey): {string.Join(", ", required)}");
        }

        text.AppendLine();
        text.AppendLine("Worst findings:");
        foreach (var finding in input.Findings.Take(TopFindings))
        {
            text.AppendLine($"- {finding.Key} [{finding.Severity.ToString().ToLowerInvariant()}] {tools.Redact(finding.Title)}");
        }

        if (workload.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Workload ({workload.Count} statements; explain and cost_index accept these ids):");
            foreach (var (id, statement) in workload.Take(TopWorkload))
            {
                text.AppendLine($"- {id}: {OneLine.Cut(statement, 200)}");
            }
        }

        if (input.Fallback.Items.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("The deterministic planner's items: keep these IDs for the same findingKey, number new work after them.");
            foreach (var item in input.Fallback.Items.Take(FallbackItems))
            {
                text.AppendLine($"- {item.Id} {item.FindingKey}");
            }
        }

        return text.ToString();
    }
}
