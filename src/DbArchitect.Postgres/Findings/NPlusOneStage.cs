using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Findings;

/// <summary>N+1 patterns in the workload's call counts.</summary>
public sealed class NPlusOneStage : IFindingStage<AnalysisInput>
{
    public string Name => "N+1 patterns in the workload";

    public Task<IReadOnlyList<Finding>> RunAsync(AnalysisInput input, IReadOnlyList<Finding> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult<IReadOnlyList<Finding>>([.. found, .. NPlusOneDetector.Detect([.. input.Workload.Select(p => p.Statement)])]);
    }
}
