using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Agent.Advising;

/// <summary>The advisor's chosen set and what each statement costs with it: the result, and its text and JSON views.</summary>
public sealed record AdviseOutcome(AdvisorResult Result)
{
    public string Text => AdviceText.Render(Result);

    public string Json => AdviceJson.Render(Result);
}
