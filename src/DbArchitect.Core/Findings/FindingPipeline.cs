namespace DbArchitect.Core.Findings;

/// <summary>Runs finding stages in the order given, each on the findings of those before it, and ranks the result.</summary>
public static class FindingPipeline
{
    public static async Task<IReadOnlyList<Finding>> RunAsync<TInput>(IReadOnlyList<IFindingStage<TInput>> stages, TInput input, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(progress);
        IReadOnlyList<Finding> found = [];
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = found.Count;
            found = await stage.RunAsync(input, found, cancellationToken).ConfigureAwait(false);
            progress.Report($"{stage.Name}: {found.Count - before:+#;-#;0} findings");
        }

        return FindingRanking.Rank(found);
    }
}
