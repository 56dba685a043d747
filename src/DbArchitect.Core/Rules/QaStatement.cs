namespace DbArchitect.Core.Rules;

/// <summary>
/// The role definition's QA statements a rule speaks for: when none of a statement's rules found
/// anything, the checklist may call that statement verified. A rule may speak for several.
/// </summary>
[Flags]
public enum QaStatement
{
    None = 0,

    /// <summary>Proper primary keys, foreign keys and constraints.</summary>
    KeysAndConstraints = 1 << 0,

    /// <summary>Connection pooling and configuration tuned for the expected load.</summary>
    Connections = 1 << 1,

    /// <summary>Access control.</summary>
    Security = 1 << 2,

    /// <summary>An existing index is not justified by how the database is used.</summary>
    UnjustifiedIndexes = 1 << 3,

    /// <summary>Data types appropriate and storage-efficient for each column.</summary>
    DataTypes = 1 << 4,
}
