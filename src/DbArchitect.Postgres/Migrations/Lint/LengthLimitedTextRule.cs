using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>char(n) pads with blanks nobody means; varchar(n) limits are habits that turn into failed inserts and a table rewrite to raise them.</summary>
public sealed class LengthLimitedTextRule : IMigrationRule
{
    public string Id => "char-or-varchar-limit";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var column in ColumnDefinitions.Of(facts))
        {
            if (column.Type == "bpchar" || (column.Type == "varchar" && column.HasTypeModifier))
            {
                var padded = column.Type == "bpchar";
                yield return MigrationFindings.Of(this, facts, $"{column.Table}.{column.Name}", $"{column.Table}.{column.Name} is {(padded ? "char(n)" : "varchar(n)")}",
                    padded ? "char(n) pads every value with blanks and compares them away, which surprises every client." : "A length limit chosen by habit rejects real data later, and lifting it is a schema change.",
                    null, $"Declare {column.Name} text, with CHECK (char_length({column.Name}) <= n) where the limit is a business rule.", column.Table);
            }
        }
    }
}
