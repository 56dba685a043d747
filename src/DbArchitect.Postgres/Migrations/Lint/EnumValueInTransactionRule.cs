using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>ALTER TYPE … ADD VALUE inside a transaction: the new value cannot be used until it commits (before PostgreSQL 12 the statement fails there).</summary>
public sealed class EnumValueInTransactionRule : IMigrationRule
{
    public string Id => "enum-value-in-transaction";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Type == "AlterEnumStmt" && MigrationStatement.StringOf(facts.Node, "newVal") is { } value && facts.InTransaction)
        {
            var type = string.Join('.', MigrationStatement.Items(facts.Node, "typeName").Select(p => p.GetProperty("String").GetProperty("sval").GetString()));
            yield return MigrationFindings.Of(this, facts, type, $"Enum value '{value}' added to {type} inside a transaction",
                "Statements later in the same transaction that use the new value fail (unsafe use of new value), and PostgreSQL 11 and older refuse the statement in a transaction at all.",
                null, $"ALTER TYPE {type} ADD VALUE IF NOT EXISTS '{value}'; in a migration of its own that runs outside a transaction, before anything uses the value. {TransactionEscapes.For(facts.Migration.Convention)}");
        }
    }
}
