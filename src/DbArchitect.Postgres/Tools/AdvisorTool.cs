using System.ComponentModel;
using System.Text.Json;
using DbArchitect.Core.Tools;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using Microsoft.SemanticKernel;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// <c>advise_indexes</c>: the index advisor over the statements the model names (or the run's
/// workload): the set it chooses, each index with its size and the statements it makes cheaper.
/// Its recommendations for the run's workload are already among the findings; this is for the
/// statements the model wants to look at on their own.
/// </summary>
public sealed class AdvisorTool(CatalogSnapshot snapshot, WorkloadIds workload, TargetSession session, LiteralRedactor redactor, ToolAnswers answers)
{
    public const string Description =
        "Runs the index advisor (hypopg, whole-set selection) over workload ids (W1…) or SQL statements, or the whole workload when none are given: " +
        "the indexes it would create, their estimated size, and each statement's cost before and after.";

    /// <summary>Statements one call advises on; the advisor's cost grows with each.</summary>
    public const int MaxStatements = 10;

    [KernelFunction("advise_indexes"), Description(Description)]
    public async Task<JsonElement> AdviseAsync(
        [Description("Workload ids (W1…) or SQL statements; empty for the whole workload")] string[]? statements = null,
        CancellationToken cancellationToken = default)
    {
        var texts = statements is { Length: > 0 } ? statements.Select(workload.Resolve) : workload.Statements.Select(s => s.Text);
        var chosen = texts.Take(MaxStatements).Select(text => new WorkloadStatement { Text = text, Source = WorkloadSource.File }).ToList();
        if (chosen.Count == 0)
        {
            return answers.Answer("advise_indexes", new ToolRefusal("there are no workload statements; pass statements"));
        }

        var result = await new IndexAdvisor(session).AdviseAsync(chosen, snapshot, new AdvisorOptions(), cancellationToken).ConfigureAwait(false);
        return answers.Answer("advise_indexes", new IndexAdvice(
            [.. result.Recommendations.Select(r => new AdvisedIndex(redactor.Sql(r.Index.Definition), r.EstimatedBytes, r.WritesToMaintain))],
            [.. result.Statements.Select(s => new StatementCosting(workload.Label(s.Statement), redactor.Sql(s.Statement), s.CostBefore, s.CostAfter, s.IndexesUsed.Count > 0, s.Skipped))],
            [.. result.Notes.Select(redactor.Prose)]));
    }
}
