namespace DbArchitect.Evals.RealSchemas;

/// <summary>
/// What one rule should report, taken by a catalog query written apart from the rule (from the
/// role's definition of the problem, not from the rule's code), so that the tool is checked
/// against an independent reading of the same schema. The query returns one qualified table name
/// per expected subject; <see cref="PerTable"/> facts compare the sets of tables, because the rule
/// may fold many tables into one schema-wide finding.
/// </summary>
internal sealed record ExpectedFact(string RuleId, string Meaning, bool PerTable, string TablesSql);
