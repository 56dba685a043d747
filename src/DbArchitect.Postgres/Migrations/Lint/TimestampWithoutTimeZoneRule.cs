using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>timestamp without time zone stores wall-clock readings with no zone: ambiguous twice a year and wrong across zones.</summary>
public sealed class TimestampWithoutTimeZoneRule : IMigrationRule
{
    public string Id => "timestamp-without-time-zone";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var column in ColumnDefinitions.Of(facts).Where(c => c.Type == "timestamp"))
        {
            yield return MigrationFindings.Of(this, facts, $"{column.Table}.{column.Name}", $"{column.Table}.{column.Name} is timestamp without time zone",
                "The value carries no zone, so the same instant reads differently on servers and clients in other zones.",
                null, $"Declare {column.Name} timestamptz.", column.Table);
        }
    }
}
