using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>A migration that uses a relation only a later migration creates: the chain fails on a fresh database.</summary>
public sealed class OrderRule : IMigrationRule
{
    public string Id => "references-later-migration";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var relation in Parsing.ParseTreeNodes.OfType(facts.Node, "RangeVar").Select(MigrationStatement.RelationName).Distinct(StringComparer.Ordinal))
        {
            if (facts.CreatedLater(relation) && !facts.CreatedHere.Contains(relation) && !Creates(facts, relation))
            {
                yield return MigrationFindings.Of(this, facts, relation, $"{relation} is used before the migration that creates it",
                    "Applied in order to an empty database, this migration fails: the relation it names is created only by a later one.",
                    null, $"Move this migration after the one creating {relation}, or create {relation} here.");
            }
        }
    }

    private static bool Creates(MigrationStatement facts, string relation) =>
        facts.Type is "CreateStmt" or "CreateTableAsStmt" or "ViewStmt" && CreatedRelations.Of(facts).Contains(relation);
}
