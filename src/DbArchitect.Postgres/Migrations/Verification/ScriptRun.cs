namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>How one script ran: its error if any, the locks it took on relations that existed before it, and what it rewrote.</summary>
public sealed record ScriptRun
{
    public string? Error { get; init; }

    /// <summary>Locks that block writes, each with its relation's rows and how long it was held.</summary>
    public IReadOnlyList<HeldLock> WriteBlockingLocks { get; init; } = [];

    /// <summary>Existing tables and indexes with a new relfilenode after the script, and existing tables an index was built on.</summary>
    public IReadOnlyList<string> Rewritten { get; init; } = [];

    /// <summary>Why the locks were not traced, when they were not.</summary>
    public string? NotTraced { get; init; }

    public TimeSpan Elapsed { get; init; }
}

/// <param name="Relation">The relation, schema-qualified.</param>
/// <param name="Mode">As pg_locks names it, e.g. <c>AccessExclusiveLock</c>.</param>
/// <param name="Rows">The relation's rows (its table's for an index) when the lock was taken.</param>
/// <param name="Held">From the statement that took it to the commit.</param>
public sealed record HeldLock(string Relation, string Mode, long Rows, TimeSpan Held);
