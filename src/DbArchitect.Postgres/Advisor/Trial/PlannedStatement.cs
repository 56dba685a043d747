namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>A workload statement with the tables its plan on the target reads (partitions folded into their roots).</summary>
internal sealed record PlannedStatement(string Statement, IReadOnlySet<TrialTable> Tables);
