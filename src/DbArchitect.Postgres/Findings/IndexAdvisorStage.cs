using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Postgres.Findings;

/// <summary>
/// The index advisor over the whole planned workload: its recommendations become findings, and a
/// plan insight's index, a guess from one plan, gives way where the advisor costed candidates for
/// the same table (the insight keeps its evidence). <see cref="Advice"/> holds the result for the
/// run's coverage figures.
/// </summary>
public sealed class IndexAdvisorStage(IndexAdvisor advisor) : IFindingStage<AnalysisInput>
{
    public string Name => "index advisor over the workload";

    /// <summary>The advisor's result once the stage has run.</summary>
    public AdvisorResult? Advice { get; private set; }

    public async Task<IReadOnlyList<Finding>> RunAsync(AnalysisInput input, IReadOnlyList<Finding> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var advice = await advisor.AdviseAsync(input.Workload, input.Facts.Snapshot, new AdvisorOptions(), cancellationToken).ConfigureAwait(false);
        foreach (var note in advice.Notes)
        {
            input.Progress.Report($"index advisor: {note}");
        }

        Advice = advice;
        return [.. Supersede(found, advice), .. AdvisorFindings.From(advice)];
    }

    private static IEnumerable<Finding> Supersede(IEnumerable<Finding> findings, AdvisorResult advice)
    {
        var measured = advice.Candidates.Where(c => c.Hypothetical).Select(c => c.QualifiedTable).ToHashSet(StringComparer.Ordinal);
        return findings.Select(f => AdvisorFindings.SupersededInsights.Contains(f.RuleId) && f.Remedy is not null && f.Tables.Any(measured.Contains)
            ? f with { Remedy = null, Evidence = [.. f.Evidence, new Evidence("index", "costed by the index advisor over the whole workload: see its index-advisor items")] }
            : f);
    }
}
