using DbArchitect.Postgres.Rules;

namespace DbArchitect.Postgres.Tests.Rules.Support;

/// <summary>The catalog's rules by family folder, for tests that stage the cases of a few families.</summary>
internal static class RuleFamilies
{
    public static IReadOnlyList<ISchemaRule> Design { get; } = In("Schema", "Types", "Naming", "Design");

    public static IReadOnlyList<ISchemaRule> Operational { get; } = In("Indexes", "Integrity", "Health", "Configuration");

    public static IReadOnlyList<ISchemaRule> Security { get; } = In("Security");

    /// <summary>The folder under Rules/ a rule's file lives in, which its namespace names.</summary>
    public static string FolderOf(ISchemaRule rule) => rule.GetType().Namespace!.Split('.')[^1];

    private static List<ISchemaRule> In(params string[] folders) => [.. RuleCatalog.All.Where(rule => folders.Contains(FolderOf(rule)))];
}
