namespace DbArchitect.Postgres.Rules;

/// <summary>The one list of schema rules. Adding a rule means adding its file and a line to its family's list.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<ISchemaRule> All { get; } = [.. DesignRules.All, .. OperationalRules.All, .. SecurityRules.All];

    /// <summary>The security family on its own: the QA checklist's access-control statement rests on it.</summary>
    public static IReadOnlyList<ISchemaRule> Security => SecurityRules.All;
}
