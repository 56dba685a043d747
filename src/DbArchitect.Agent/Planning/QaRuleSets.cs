using DbArchitect.Postgres.Rules;

namespace DbArchitect.Agent.Planning;

/// <summary>Which rules speak for which QA statement: when none of them found anything, the statement is verified.</summary>
internal static class QaRuleSets
{
    public static readonly IReadOnlySet<string> KeysAndConstraints = new HashSet<string>(StringComparer.Ordinal)
    {
        "missing-primary-key", "fk-without-index", "fk-delete-action-unset", "fk-column-nullable", "constraint-not-validated",
        "enum-like-text-without-check", "integer-key-exhaustion",
    };

    public static readonly IReadOnlySet<string> Connections = new HashSet<string>(StringComparer.Ordinal)
    {
        "connection-utilisation-high", "idle-in-transaction", "max-connections-high", "shared-buffers-too-small",
        "work-mem-unsuited", "autovacuum-disabled", "pg-stat-statements-missing", "slow-query-logging-disabled",
    };

    public static readonly IReadOnlySet<string> Security = RuleCatalog.Security.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>What says an existing index is not justified by how the database is used.</summary>
    public static readonly IReadOnlySet<string> UnjustifiedIndexes = new HashSet<string>(StringComparer.Ordinal)
    {
        "unused-index", "duplicate-index", "redundant-index",
    };

    public static readonly IReadOnlySet<string> DataTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "varchar-255-habit", "timestamp-without-time-zone", "json-instead-of-jsonb", "float-for-money",
        "serial-instead-of-identity", "integer-key-exhaustion", "enum-like-text-without-check", "char-column",
    };
}
