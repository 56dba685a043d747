using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>A statement that takes a strong lock on an existing table with no lock_timeout set: it queues behind any long query, and every query after it queues behind it.</summary>
public sealed class NoLockTimeoutRule : IMigrationRule
{
    public string Id => "no-lock-timeout";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.LockTimeoutSet || StrongLockOn(facts) is not { } table)
        {
            yield break;
        }

        yield return MigrationFindings.Of(this, facts, "lock_timeout", $"No lock_timeout before the lock on {table}",
            "Waiting for its lock behind one long-running query, the statement blocks every query that comes after it: a short migration becomes an outage.",
            null, "SET lock_timeout = '5s'; at the top of the migration (and retry the migration when it times out); SET statement_timeout for long operations too.");
    }

    private static string? StrongLockOn(MigrationStatement facts) => facts.Type switch
    {
        "AlterTableStmt" when facts.IsExisting(AlterCommands.Table(facts)) => AlterCommands.Table(facts),
        "IndexStmt" when !MigrationStatement.Flag(facts.Node, "concurrent") && MigrationStatement.RelationName(facts.Node.GetProperty("relation")) is var table && facts.IsExisting(table) => table,
        "RenameStmt" when facts.Node.TryGetProperty("relation", out var relation) => MigrationStatement.RelationName(relation),
        _ => null,
    };
}
