namespace DbArchitect.Core.Findings;

/// <summary>
/// One producer of findings in an analysis, all of the same shape: it gets what the run gathered
/// and the findings of the stages before it, and returns the findings so far with its own added.
/// A stage may also rewrite what came before (the index advisor's measured answer replaces a plan
/// insight's guess; one task where a rule and the advisor ask for the same index).
/// </summary>
/// <typeparam name="TInput">What an engine gathered for the run: facts, the planned workload, its session.</typeparam>
public interface IFindingStage<in TInput>
{
    /// <summary>What the stage looks at, for progress lines.</summary>
    string Name { get; }

    Task<IReadOnlyList<Finding>> RunAsync(TInput input, IReadOnlyList<Finding> found, CancellationToken cancellationToken);
}
