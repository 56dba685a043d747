using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>CREATE INDEX without CONCURRENTLY on a table that already exists holds SHARE for the whole build: no writes meanwhile.</summary>
public sealed class IndexNotConcurrentRule : IMigrationRule
{
    public string Id => "index-not-concurrent";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Type != "IndexStmt" || MigrationStatement.Flag(facts.Node, "concurrent"))
        {
            yield break;
        }

        var table = MigrationStatement.RelationName(facts.Node.GetProperty("relation"));
        if (facts.IsExisting(table))
        {
            var index = MigrationStatement.StringOf(facts.Node, "idxname") ?? "(unnamed)";
            yield return MigrationFindings.Of(this, facts, $"{table} {index}", $"Index {index} on {table} built without CONCURRENTLY",
                "The build reads the whole table while holding SHARE, so every insert, update and delete waits for it.",
                LockModes.Share, "CREATE INDEX CONCURRENTLY … in a migration of its own that runs outside a transaction; check pg_index.indisvalid afterwards and drop and retry an invalid one.", table);
        }
    }
}
