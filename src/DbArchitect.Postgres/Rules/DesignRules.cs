namespace DbArchitect.Postgres.Rules;

/// <summary>Schema design, data types, naming, normalisation and partitioning rules.</summary>
internal static class DesignRules
{
    public static IReadOnlyList<ISchemaRule> All { get; } = [];
}
