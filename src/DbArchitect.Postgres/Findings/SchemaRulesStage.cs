using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;

namespace DbArchitect.Postgres.Findings;

/// <summary>Every schema rule of the catalog over the facts.</summary>
public sealed class SchemaRulesStage : IFindingStage<AnalysisInput>
{
    public string Name => $"{RuleCatalog.All.Count} schema rules";

    public Task<IReadOnlyList<Finding>> RunAsync(AnalysisInput input, IReadOnlyList<Finding> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult<IReadOnlyList<Finding>>([.. found, .. RuleEngine.Evaluate(input.Facts, RuleCatalog.All)]);
    }
}
