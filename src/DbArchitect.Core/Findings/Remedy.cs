namespace DbArchitect.Core.Findings;

/// <summary>
/// What to do about a finding: forward SQL and the SQL that undoes it. A remedy without a
/// rollback is not accepted by the validator, so <see cref="Down"/> is required; where a change
/// genuinely cannot be undone by SQL (for example VACUUM), Down says so as an SQL comment.
/// </summary>
public sealed record Remedy
{
    public required ChangeKind Kind { get; init; }
    public required MigrationStrategy Strategy { get; init; }

    /// <summary>Forward DDL/DML, PostgreSQL syntax, statements separated by semicolons.</summary>
    public required string Up { get; init; }

    /// <summary>Rollback DDL/DML that restores the previous state.</summary>
    public required string Down { get; init; }

    /// <summary>Objects (schema-qualified tables, columns as table.column, indexes) this remedy creates,
    /// so the validator accepts later references to them.</summary>
    public IReadOnlyList<string> Creates { get; init; } = [];

    /// <summary>Expected effect on read/write latency, in words.</summary>
    public string PerformanceImpact { get; init; } = "";

    /// <summary>How to verify the change worked.</summary>
    public string Testing { get; init; } = "";
}
