using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>CONCURRENTLY inside a transaction block: PostgreSQL refuses it, so the migration fails when it runs.</summary>
public sealed class ConcurrentlyInTransactionRule : IMigrationRule
{
    public string Id => "concurrently-in-transaction";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Critical;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (ConcurrentStatements.IsConcurrent(facts.Type, facts.Node) && facts.InTransaction)
        {
            yield return MigrationFindings.Of(this, facts, facts.Type == "IndexStmt" ? MigrationStatement.RelationName(facts.Node.GetProperty("relation")) : "index",
                "CONCURRENTLY inside a transaction block fails",
                facts.Migration.Convention == Core.Migrations.MigrationConvention.Flyway
                    ? "Flyway runs a migration outside a transaction only when every statement in it must run so; mixed with other statements, CONCURRENTLY makes Flyway refuse the migration (or, with mixed=true, run all of it without a transaction)."
                    : facts.Migration.RunsInTransaction
                    ? $"{facts.Migration.Convention} runs this migration in a transaction, and CREATE/DROP INDEX CONCURRENTLY cannot run inside one: the migration errors and rolls back."
                    : "An explicit BEGIN opened a transaction before this statement; CONCURRENTLY cannot run inside one.",
                null, TransactionEscapes.For(facts.Migration.Convention));
        }
    }
}
