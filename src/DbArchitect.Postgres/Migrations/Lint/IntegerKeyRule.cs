using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>An id or foreign-key column declared int or serial: 2.1 billion values run out on busy tables, and widening later rewrites the table.</summary>
public sealed class IntegerKeyRule : IMigrationRule
{
    public string Id => "integer-key";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var column in ColumnDefinitions.Of(facts))
        {
            if (column.Type is "int4" or "int2" or "serial" or "serial4" or "smallserial" && (column.Name == "id" || column.Name.EndsWith("_id", StringComparison.Ordinal)))
            {
                yield return MigrationFindings.Of(this, facts, $"{column.Table}.{column.Name}", $"Key column {column.Table}.{column.Name} is {column.Type}",
                    "A 4-byte key runs out at 2,147,483,647; changing it later rewrites the table and every table that references it.",
                    null, $"Declare {column.Name} bigint (bigint GENERATED ALWAYS AS IDENTITY for a generated key).", column.Table);
            }
        }
    }
}
