using System.Text.Json;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Agent.Advising;

/// <summary>The advisor's answer as JSON: per statement its text, cost before and after and the indexes its plan uses; then the indexes.</summary>
public static class AdviceJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Render(AdvisorResult result) => JsonSerializer.Serialize(new
    {
        statements = result.Statements.Select(s => new { text = s.Statement, s.Calls, costBefore = s.CostBefore, costAfter = s.CostAfter, indexes = s.IndexesUsed, skipped = s.Skipped }),
        recommendations = result.Recommendations.Select(r => new
        {
            name = r.Index.QualifiedName,
            table = r.Index.QualifiedTable,
            method = r.Index.Method,
            keys = r.Index.Keys,
            include = r.Index.Include,
            predicate = r.Index.Predicate,
            create = r.Index.Prerequisite is null ? r.Index.CreateStatement : $"{r.Index.Prerequisite}\n{r.Index.CreateStatement}",
            rollback = r.Index.DropStatement,
            estimatedBytes = r.EstimatedBytes,
            writesToMaintain = r.WritesToMaintain,
            evidence = r.Evidence.ToString(),
            helps = r.Helps.Select(h => new { text = h.Statement, costBefore = h.CostBefore, costAfter = h.CostAfter }),
        }),
        redundant = result.Redundant.Select(r => new { name = r.QualifiedName, coveredBy = r.CoveredBy, drop = r.DropStatement, rollback = r.RecreateStatement, bytes = r.Bytes }),
        totals = new { costBefore = result.TotalCostBefore, costAfter = result.TotalCostAfter, indexBytes = result.Recommendations.Sum(r => r.EstimatedBytes) },
        selection = result.SelectionMethod,
        candidates = result.Candidates.Count,
        elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds),
        notes = result.Notes,
    }, Options);
}
