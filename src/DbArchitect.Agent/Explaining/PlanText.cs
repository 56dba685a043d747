using System.Globalization;
using System.Text;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain;

namespace DbArchitect.Agent.Explaining;

/// <summary>A plan as an indented tree for the terminal, followed by its insights.</summary>
public static class PlanText
{
    public static string Render(ExplainResult result, IReadOnlyList<Finding> insights)
    {
        var builder = new StringBuilder();
        if (result.AssumedPlaceholderType is { } assumed)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Generic plan with the placeholders taken as {assumed}: nothing in the statement says their type.\n");
        }

        Append(builder, result.Plan, 0);
        if (result.PlanningTimeMs is { } planning)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Planning time: {planning:0.###} ms\n");
        }

        if (result.ExecutionTimeMs is { } execution)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Execution time: {execution:0.###} ms\n");
        }

        builder.Append(insights.Count == 0 ? "\nNo insights: nothing in this plan calls for a change.\n" : "\nInsights:\n");
        foreach (var finding in insights)
        {
            builder.Append(CultureInfo.InvariantCulture, $"- [{finding.Severity}] {finding.Title}\n  {finding.Rationale}\n");
            if (finding.Remedy is { } remedy)
            {
                builder.Append("  Fix:      ").Append(remedy.Up.Replace("\n", "\n            ", StringComparison.Ordinal)).Append('\n');
                builder.Append("  Rollback: ").Append(remedy.Down.Replace("\n", "\n            ", StringComparison.Ordinal)).Append('\n');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static void Append(StringBuilder builder, PlanNode node, int depth)
    {
        builder.Append(' ', depth * 2).Append(depth == 0 ? "" : "-> ").Append(node.NodeType);
        if (node.RelationName is not null)
        {
            builder.Append(" on ").Append(node.RelationName);
        }

        if (node.IndexName is not null)
        {
            builder.Append(" using ").Append(node.IndexName);
        }

        builder.Append(CultureInfo.InvariantCulture, $"  (cost={node.StartupCost:0.00}..{node.TotalCost:0.00} rows={node.PlanRows:0})");
        if (node.ActualRows is { } rows)
        {
            builder.Append(CultureInfo.InvariantCulture, $" (actual time={node.ActualStartupTime:0.###}..{node.ActualTotalTime:0.###} rows={rows:0} loops={node.ActualLoops:0})");
        }

        builder.Append('\n');
        foreach (var (label, value) in new[] { ("Index Cond", node.IndexCondition), ("Filter", node.Filter), ("Hash Cond", node.HashCondition), ("Join Filter", node.JoinFilter) })
        {
            if (value is not null)
            {
                builder.Append(' ', depth * 2 + 6).Append(label).Append(": ").Append(value).Append('\n');
            }
        }

        foreach (var child in node.Children)
        {
            Append(builder, child, depth + 1);
        }
    }
}
