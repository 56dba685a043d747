using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>Renaming a column or table breaks every running instance of the application that still uses the old name.</summary>
public sealed class RenameRule : IMigrationRule
{
    public string Id => "rename-breaks-application";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Type != "RenameStmt" || MigrationStatement.StringOf(facts.Node, "renameType") is not ("OBJECT_COLUMN" or "OBJECT_TABLE") || !facts.Node.TryGetProperty("relation", out var relation))
        {
            yield break;
        }

        var table = MigrationStatement.RelationName(relation);
        var old = MigrationStatement.StringOf(facts.Node, "subname") ?? table;
        var renamed = MigrationStatement.StringOf(facts.Node, "newname") ?? "?";
        if (facts.IsExisting(table))
        {
            yield return MigrationFindings.Of(this, facts, table, $"{old} renamed to {renamed} on {table}",
                "During a rolling deployment the old version of the application still queries the old name and fails from the moment this commits.",
                LockModes.AccessExclusive,
                $"Expand and contract: add {renamed} beside {old} (or a view under the new name), write both from the application, backfill, move every reader, and drop {old} in a later release.");
        }
    }
}
