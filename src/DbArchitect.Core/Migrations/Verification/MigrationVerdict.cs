namespace DbArchitect.Core.Migrations.Verification;

/// <summary>
/// What running one migration on a scratch server proved: up, down, the schema and the data back
/// as they were, and up again, each with its evidence. A verdict is null when it could not be
/// judged (no down to run, an up that failed).
/// </summary>
public sealed record MigrationVerdict
{
    public required Migration Migration { get; init; }

    /// <summary>The up ran without an error.</summary>
    public required bool Applied { get; init; }

    /// <summary>The up failed on tables holding rows and ran only once they were emptied: it fails on a database in use.</summary>
    public bool FailsWithRows { get; init; }

    /// <summary>The error that stopped the up, the down or the second up, as the server said it.</summary>
    public string? Error { get; init; }

    /// <summary>No lock that blocks writes was taken on a relation that existed before the up.</summary>
    public bool? LockSafe { get; init; }

    /// <summary>After the down, the schema is the one before the up.</summary>
    public bool? Reversible { get; init; }

    /// <summary>After the down, every table that existed before the up holds the same rows.</summary>
    public bool? DataPreserving { get; init; }

    /// <summary>Up, down, up again worked.</summary>
    public bool? Rerunnable { get; init; }

    /// <summary>Locks taken on existing relations, strongest first: <c>ACCESS EXCLUSIVE on public.users (10,000 rows) held 42 ms</c>.</summary>
    public IReadOnlyList<string> Locks { get; init; } = [];

    /// <summary>Tables and indexes the up rewrote (a new relfilenode).</summary>
    public IReadOnlyList<string> Rewritten { get; init; } = [];

    /// <summary>Schema lines that differ after the down (<c>- </c> gone, <c>+ </c> new).</summary>
    public IReadOnlyList<string> SchemaDifferences { get; init; } = [];

    /// <summary>Tables whose rows differ after the down, with counts.</summary>
    public IReadOnlyList<string> DataDifferences { get; init; } = [];

    /// <summary>Why a part was not traced (a migration that must run outside a transaction).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public TimeSpan UpTime { get; init; }

    /// <summary>A verdict that was judged and came out false, or an up that failed.</summary>
    public bool IsFailure => !Applied || FailsWithRows || Reversible is false || DataPreserving is false || Rerunnable is false;
}
