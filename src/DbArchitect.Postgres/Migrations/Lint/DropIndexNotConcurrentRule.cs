using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table.</summary>
public sealed class DropIndexNotConcurrentRule : IMigrationRule
{
    public string Id => "drop-index-not-concurrent";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Type == "DropStmt" && MigrationStatement.StringOf(facts.Node, "removeType") == "OBJECT_INDEX" && !MigrationStatement.Flag(facts.Node, "concurrent"))
        {
            var index = string.Join(", ", DroppedNames.Of(facts));
            yield return MigrationFindings.Of(this, facts, index, $"Index {index} dropped without CONCURRENTLY",
                "DROP INDEX waits for and then blocks every query on the table, reads included, until it commits.",
                LockModes.AccessExclusive, $"DROP INDEX CONCURRENTLY {index}; in a migration that runs outside a transaction.");
        }
    }
}
