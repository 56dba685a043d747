using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules;

namespace DbArchitect.Agent.Planning;

/// <summary>Which rules speak for which QA statement, as each rule declares: when none of them found anything, the statement is verified.</summary>
internal static class QaRuleSets
{
    public static readonly IReadOnlySet<string> KeysAndConstraints = RuleCatalog.IdsFor(QaStatement.KeysAndConstraints);

    public static readonly IReadOnlySet<string> Connections = RuleCatalog.IdsFor(QaStatement.Connections);

    public static readonly IReadOnlySet<string> Security = RuleCatalog.IdsFor(QaStatement.Security);

    /// <summary>What says an existing index is not justified by how the database is used.</summary>
    public static readonly IReadOnlySet<string> UnjustifiedIndexes = RuleCatalog.IdsFor(QaStatement.UnjustifiedIndexes);

    public static readonly IReadOnlySet<string> DataTypes = RuleCatalog.IdsFor(QaStatement.DataTypes);
}
