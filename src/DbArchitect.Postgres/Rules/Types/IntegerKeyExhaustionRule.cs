using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Types;

/// <summary>
/// An integer key whose sequence is running out stops all inserts the day it runs out. The limit is
/// the smaller of the sequence's maximum and the owning column's type; the time left comes from
/// the insert rate seen since the statistics were last reset. Sequences that fill no primary key
/// are <see cref="Health.SequenceNearExhaustionRule"/>'s, so one sequence is one finding.
/// </summary>
public sealed class IntegerKeyExhaustionRule : ISchemaRule
{
    private const double CriticalFraction = 0.85;
    private const double CriticalDays = 30;

    public const string RuleId = "integer-key-exhaustion";

    public string Id => RuleId;
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.High;
    public QaStatement QaStatements => QaStatement.KeysAndConstraints | QaStatement.DataTypes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        var since = StatisticsWindow.Since(facts);
        var statsDays = Math.Max(StatisticsWindow.AgeDays(facts), 1.0 / 24);
        foreach (var sequence in facts.Snapshot.Sequences.Where(s => s.Increment > 0 && s.LastValue is not null && lookup.FeedsPrimaryKey(s)))
        {
            var table = sequence.OwnedByTable is null ? null : lookup.FindTable(sequence.OwnedBySchema!, sequence.OwnedByTable);
            var column = table is null ? null : lookup.ColumnsOf(table).FirstOrDefault(c => c.Name == sequence.OwnedByColumn);
            var limit = Math.Min(sequence.MaxValue, column is null ? long.MaxValue : TypeMaximum(column.TypeName));
            if (limit == long.MaxValue)
            {
                continue;
            }

            var used = ((double)sequence.LastValue!.Value - sequence.MinValue) / ((double)limit - sequence.MinValue);
            if (used * 100 < facts.Options.SequenceWarnPercent)
            {
                continue;
            }

            var remaining = (limit - sequence.LastValue.Value) / sequence.Increment;
            double? insertsPerDay = table is { Inserts: > 0 } ? table.Inserts / statsDays : null;
            double? daysLeft = insertsPerDay is { } rate ? remaining / rate : null;
            var severity = used >= CriticalFraction || daysLeft < CriticalDays ? Severity.Critical : Severity;
            var sequenceName = SqlIdentifier.Qualify(sequence.Schema, sequence.Name);
            yield return new Finding
            {
                RuleId = Id,
                Subject = table is not null && column is not null ? ObjectNames.ColumnSubject(table, column.Name) : sequenceName,
                Severity = severity,
                Area = Area,
                Title = $"Sequence {sequenceName} has used {MeasureText.Percent(used)} of its {(column is not null && TypeMaximum(column.TypeName) < sequence.MaxValue ? column.DataType + " column's" : sequence.DataType)} range",
                Rationale = "When the sequence reaches the limit every insert fails with \"nextval: reached maximum value\" or an integer overflow; widening a key takes a table rewrite, which must be planned well before that day.",
                Evidence =
                [
                    new Evidence("last value", MeasureText.Count(sequence.LastValue.Value)),
                    new Evidence("limit", MeasureText.Count(limit)),
                    new Evidence("used", MeasureText.Percent(used)),
                    new Evidence("values left", MeasureText.Count(remaining)),
                    new Evidence("insert rate", insertsPerDay is { } r ? $"{MeasureText.Count(r)} rows/day over {MeasureText.Decimal(statsDays)} days since {since:yyyy-MM-dd}" : "unknown (no inserts recorded since statistics reset)"),
                    new Evidence("days left at that rate", daysLeft is { } d ? MeasureText.Count(d) : "unknown"),
                ],
                Tables = table is null ? [] : [table.QualifiedName, .. Referencing(lookup, table, column!).Select(r => r.Table.QualifiedName).Distinct(StringComparer.Ordinal)],
                Remedy = Widen(lookup, sequence, sequenceName, table, column),
            };
        }
    }

    private static Remedy Widen(CatalogLookup lookup, SequenceInfo sequence, string sequenceName, TableInfo? table, ColumnInfo? column)
    {
        var up = new List<string>();
        var down = new List<string>();
        if (sequence.DataType != "bigint")
        {
            up.Add($"ALTER SEQUENCE {sequenceName} AS bigint;");
            down.Add($"ALTER SEQUENCE {sequenceName} AS {sequence.DataType};");
        }

        var widensKey = false;
        if (table is not null && column is not null && column.TypeName is "int2" or "int4")
        {
            widensKey = true;
            foreach (var (owner, keyColumn) in Referencing(lookup, table, column).Prepend((table, column)))
            {
                var (widen, restore) = ColumnTypeChange.For(owner, [keyColumn], "bigint");
                up.Add(widen);
                down.Insert(0, restore);
            }
        }

        return new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = widensKey ? MigrationStrategy.TableRewrite : MigrationStrategy.Standard,
            Up = string.Join("\n", up),
            Down = string.Join("\n", down),
            PerformanceImpact = "Changing a key column to bigint rewrites the table, its indexes and the referencing tables under exclusive locks. On a large table, add a bigint column, fill it by trigger and in batches, build its unique index concurrently and swap the key instead.",
            Testing = $"After the change, SELECT data_type, maximum_value FROM information_schema.sequences WHERE sequence_name = {SqlIdentifier.Literal(sequence.Name)} shows bigint, and inserts continue.",
        };
    }

    /// <summary>Foreign-key columns elsewhere that point at the key column and must widen with it.</summary>
    private static IEnumerable<(TableInfo Table, ColumnInfo Column)> Referencing(CatalogLookup lookup, TableInfo table, ColumnInfo column)
    {
        foreach (var foreignKey in lookup.Snapshot.Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey && c.ReferencedSchema == table.Schema && c.ReferencedTable == table.Name))
        {
            var position = foreignKey.ReferencedColumns.ToList().IndexOf(column.Name);
            var referencing = position < 0 || position >= foreignKey.Columns.Count ? null : lookup.FindTable(foreignKey.Schema, foreignKey.Table);
            var referencingColumn = referencing is null ? null : lookup.ColumnsOf(referencing).FirstOrDefault(c => c.Name == foreignKey.Columns[position]);
            if (referencing is not null && referencingColumn is { TypeName: "int2" or "int4" })
            {
                yield return (referencing, referencingColumn);
            }
        }
    }

    private static long TypeMaximum(string typeName) => typeName switch
    {
        "int2" => short.MaxValue,
        "int4" => int.MaxValue,
        _ => long.MaxValue,
    };
}
