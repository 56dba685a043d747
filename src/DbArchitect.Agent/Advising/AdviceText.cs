using System.Globalization;
using System.Text;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Agent.Advising;

/// <summary>The advisor's answer as Markdown: statements with cost before → after, then each index with its DDL.</summary>
public static class AdviceText
{
    public static string Render(AdvisorResult result)
    {
        var text = new StringBuilder();
        var saved = result.TotalCostBefore > 0 ? 1 - result.TotalCostAfter / result.TotalCostBefore : 0;
        text.AppendLine("# Index advice").AppendLine();
        text.AppendLine(Invariant($"Workload cost (Σ calls × planner cost): {result.TotalCostBefore:N0} → {result.TotalCostAfter:N0} ({saved:P1} saved) with {result.Recommendations.Count} new index(es) of {MeasureText.Bytes(result.Recommendations.Sum(r => r.EstimatedBytes))}; selected by {result.SelectionMethod} from {result.Candidates.Count} candidates in {result.Elapsed.TotalSeconds:N1} s."));
        text.AppendLine().AppendLine("| # | Statement | Calls | Cost before | Cost after | Indexes used |").AppendLine("|---|---|---|---|---|---|");
        for (var i = 0; i < result.Statements.Count; i++)
        {
            var s = result.Statements[i];
            var used = s.Skipped is { } reason ? $"not planned: {reason}" : string.Join(", ", s.IndexesUsed);
            text.AppendLine(Invariant($"| {i + 1} | `{Cell(SqlText.OneLine(s.Statement, 70))}` | {s.Calls:N0} | {s.CostBefore:N2} | {s.CostAfter:N2} | {Cell(used)} |"));
        }

        foreach (var recommendation in result.Recommendations)
        {
            text.AppendLine().AppendLine($"## {recommendation.Index.QualifiedName}").AppendLine();
            text.AppendLine(Invariant($"{MeasureText.Bytes(recommendation.EstimatedBytes)}, helps {recommendation.Helps.Count} statement(s); {recommendation.WritesToMaintain:N0} written rows since the statistics reset would each maintain it; measured with {recommendation.Evidence}."));
            text.AppendLine().AppendLine("```sql");
            if (recommendation.Index.Prerequisite is { } prerequisite)
            {
                text.AppendLine(prerequisite);
            }

            text.AppendLine(recommendation.Index.CreateStatement).AppendLine("-- rollback").AppendLine(recommendation.Index.DropStatement).AppendLine("```");
        }

        foreach (var redundant in result.Redundant)
        {
            text.AppendLine().AppendLine($"## Drop {redundant.QualifiedName} (served by {redundant.CoveredBy})").AppendLine();
            text.AppendLine("```sql").AppendLine(redundant.DropStatement).AppendLine("-- rollback").AppendLine(redundant.RecreateStatement).AppendLine("```");
        }

        if (result.Notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in result.Notes)
            {
                text.AppendLine($"- {note}");
            }
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
