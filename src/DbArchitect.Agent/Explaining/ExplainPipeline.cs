using System.Text.Json;
using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Explaining;

/// <summary>
/// <c>explain</c> for any host: one statement planned on the target through the read-only session,
/// with the plan insights it triggers. A statement the execution guard refuses to run is a usage
/// failure with the guard's reason; a database that refuses or cannot be reached is unreachable.
/// </summary>
public sealed class ExplainPipeline
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<ExplainOutcome> RunAsync(ExplainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var session = TargetSession.Open(request.ConnectionString);
        try
        {
            var result = await new ExplainRunner(session).ExplainAsync(request.Statement, new ExplainOptions { Analyze = request.Analyze }, cancellationToken).ConfigureAwait(false);
            var insights = PlanInsights.Evaluate(new PlanInsightContext { Result = result });
            var plan = JsonDocument.Parse(result.RawJson).RootElement;
            var json = JsonSerializer.Serialize(new { statement = result.Statement, analyzed = result.Analyzed, assumedPlaceholderType = result.AssumedPlaceholderType, plan, insights }, Json);
            return new ExplainOutcome(PlanText.Render(result, insights), json);
        }
        catch (ExplainRefusedException e)
        {
            throw new DbArchitectException(FailureKind.Usage, e.Message);
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, session.Description) is { } failure)
        {
            throw failure;
        }
    }
}
