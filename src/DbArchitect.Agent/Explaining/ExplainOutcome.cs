namespace DbArchitect.Agent.Explaining;

/// <summary>A statement's plan and the insights it triggers, as text for people and as JSON for tools.</summary>
public sealed record ExplainOutcome(string Text, string Json);
