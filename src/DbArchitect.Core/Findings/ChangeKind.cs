namespace DbArchitect.Core.Findings;

/// <summary>The role definition's item types.</summary>
public enum ChangeKind
{
    SchemaChange,
    Index,
    QueryOptimization,
    Migration,
    Configuration,
    Maintenance,
}
