using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>Table-wide DML (UPDATE or DELETE without WHERE, INSERT … SELECT) in a migration that also changes the schema: the DDL's locks are held for as long as the data moves.</summary>
public sealed class DdlMixedWithDmlRule : IMigrationRule
{
    public string Id => "ddl-mixed-with-dml";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var wholeTable = facts.Type switch
        {
            "UpdateStmt" or "DeleteStmt" => !facts.Node.TryGetProperty("whereClause", out _),
            "InsertStmt" => facts.Node.TryGetProperty("selectStmt", out var select) && select.TryGetProperty("SelectStmt", out var query) && query.TryGetProperty("fromClause", out _),
            _ => false,
        };
        if (wholeTable && facts.MigrationChangesSchema && facts.InTransaction && facts.Node.TryGetProperty("relation", out var relation))
        {
            var table = MigrationStatement.RelationName(relation);
            yield return MigrationFindings.Of(this, facts, table, $"Table-wide data change on {table} in the same transaction as schema changes",
                "The locks the migration's DDL took stay held until the data change commits, and one transaction over every row bloats the table and holds back vacuum.",
                null, "Move the data change to its own migration (or a job) that works in batches of a few thousand keys, each committed on its own.");
        }
    }
}
