using DbArchitect.Core.Rules;

namespace DbArchitect.Postgres.Rules;

/// <summary>The one list of schema rules: every <see cref="ISchemaRule"/> in this assembly, by family folder then id.</summary>
public static class RuleCatalog
{
    private static readonly RuleCatalog<ISchemaRule> Found = RuleCatalog<ISchemaRule>.Of(typeof(ISchemaRule).Assembly.GetTypes());

    public static IReadOnlyList<ISchemaRule> All => Found.All;

    /// <summary>The ids of the rules a QA checklist statement rests on.</summary>
    public static IReadOnlySet<string> IdsFor(QaStatement statement) => Found.IdsFor(statement);
}
