using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>serial creates a sequence the table does not own in the SQL standard's sense; identity columns are the standard, and their permissions and dumps behave.</summary>
public sealed class SerialOverIdentityRule : IMigrationRule
{
    public string Id => "serial-instead-of-identity";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var column in ColumnDefinitions.Of(facts).Where(c => c.Type is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8"))
        {
            yield return MigrationFindings.Of(this, facts, $"{column.Table}.{column.Name}", $"{column.Table}.{column.Name} is {column.Type}",
                "A serial's sequence needs its own grants and is easy to get out of step with the table; identity columns keep both together.",
                null, $"Declare {column.Name} bigint GENERATED ALWAYS AS IDENTITY.", column.Table);
        }
    }
}
