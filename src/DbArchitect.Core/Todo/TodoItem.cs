using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Todo;

/// <summary>A <c>DB-ITEM-x.y</c> entry: one concrete change with its SQL, rollback, rationale and test.</summary>
public sealed record TodoItem
{
    /// <summary><c>DB-ITEM-x.y</c>; x is the area's number, y its sequence within the area.</summary>
    public required string Id { get; init; }
    public required bool Done { get; init; }
    public required string Title { get; init; }
    public required ChangeKind Type { get; init; }
    public required Severity Severity { get; init; }

    /// <summary>The finding this item resolves (rule id + subject); the stable identity across runs.</summary>
    public required string FindingKey { get; init; }

    /// <summary>Forward DDL/DML.</summary>
    public required string Sql { get; init; }

    /// <summary>Rollback DDL/DML.</summary>
    public required string Rollback { get; init; }

    public required string Rationale { get; init; }
    public required string Testing { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Objects the SQL creates (tables, table.column, indexes), for the existence check.</summary>
    public IReadOnlyList<string> Creates { get; init; } = [];

    /// <summary>Objects the SQL refers to that must already exist (tables, table.column).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// Further findings this item resolves besides <see cref="FindingKey"/>: an item that carries
    /// the remedies of many identical findings as one script.
    /// </summary>
    public IReadOnlyList<string> AlsoCovers { get; init; } = [];

    /// <summary>Why the box was ticked by the tool, e.g. "finding no longer present (2026-11-25)".</summary>
    public string? Resolution { get; init; }
}
