namespace DbArchitect.Core.Validation;

/// <summary>What the semantic checks compare a document against.</summary>
public sealed record ValidationContext
{
    /// <summary>
    /// Objects that exist on the target, written as PostgreSQL prints them (each part quoted only
    /// when needed): tables and views as <c>schema.table</c>, columns as <c>schema.table.column</c>,
    /// indexes as <c>schema.index</c>.
    /// </summary>
    public IReadOnlySet<string> KnownObjects { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Keys of findings at or above high severity; each must be covered by an item.</summary>
    public IReadOnlyList<string> RequiredFindingKeys { get; init; } = [];

    /// <summary>The engine's reading of scripts (which hold no statement but comments).</summary>
    public required ISqlScriptReader Scripts { get; init; }

    /// <summary>Server-side SQL check; null skips that check (and the report says so).</summary>
    public ISqlChecker? SqlChecker { get; init; }
}
