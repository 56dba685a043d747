namespace DbArchitect.Core.Findings;

/// <summary>One measured fact that backs a finding, e.g. "dead tuples" = "412,331 (38% of live)".</summary>
/// <param name="Label">What was measured.</param>
/// <param name="Value">The measurement as read from the database, formatted for people.</param>
public sealed record Evidence(string Label, string Value);
