using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>TRUNCATE, or DROP … CASCADE: data, or objects nobody named, go with it.</summary>
public sealed class TruncateOrCascadeRule : IMigrationRule
{
    public string Id => "truncate-or-cascade";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Type == "TruncateStmt")
        {
            var tables = string.Join(", ", MigrationStatement.Items(facts.Node, "relations").Select(r => MigrationStatement.RelationName(r.GetProperty("RangeVar"))));
            yield return MigrationFindings.Of(this, facts, tables, $"TRUNCATE {tables}",
                "Every row is gone once this commits; no down brings the data back.",
                LockModes.AccessExclusive, "Delete only what the migration must, in batches, or keep a copy the down restores from.");
        }
        else if (MigrationStatement.StringOf(facts.Node, "behavior") == "DROP_CASCADE")
        {
            var names = facts.Type == "DropStmt" ? string.Join(", ", DroppedNames.Of(facts)) : "the dropped object";
            yield return MigrationFindings.Of(this, facts, names, $"CASCADE drops whatever depends on {names}",
                "Views, foreign keys and other objects that depend on it are dropped too, without being named in the migration or its down.",
                null, "Drop the dependent objects by name first (and re-create them in the down), then drop without CASCADE so an unexpected dependency fails loudly.");
        }
    }
}
