namespace DbArchitect.Postgres.Rules;

/// <summary>Index, integrity, health and configuration rules.</summary>
internal static class OperationalRules
{
    public static IReadOnlyList<ISchemaRule> All { get; } = [];
}
