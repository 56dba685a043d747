using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Health;

/// <summary>
/// A replication slot holding back WAL: the server keeps every segment the slot's consumer has not
/// confirmed, so an abandoned slot fills the disk. Logical slots also hold back VACUUM of catalogs.
/// </summary>
public sealed class ReplicationSlotRetainingWalRule : ISchemaRule
{
    private const long ReportBytes = 100L * 1024 * 1024;
    private const long HighBytes = 1024L * 1024 * 1024;

    public string Id => "replication-slot-retaining-wal";
    public FindingArea Area => FindingArea.PerformanceTuning;
    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts) =>
        facts.Snapshot.ReplicationSlots
            .Where(s => s.RetainedWalBytes >= (s.Active ? HighBytes : ReportBytes))
            .Select(Report);

    private Finding Report(ReplicationSlotInfo slot)
    {
        var literal = SqlIdentifier.Literal(slot.Name);
        var logical = slot.SlotType == "logical";
        return new Finding
        {
            RuleId = Id,
            Subject = $"replication slot {SqlIdentifier.Quote(slot.Name)}",
            Severity = !slot.Active && slot.RetainedWalBytes >= HighBytes ? Severity.High : Severity,
            Area = Area,
            Title = $"{(slot.Active ? "Active" : "Inactive")} {slot.SlotType} replication slot {slot.Name} retains {MeasureText.Bytes(slot.RetainedWalBytes)} of WAL",
            Rationale = slot.Active
                ? "The consumer is connected but far behind; WAL keeps growing until it catches up."
                : "Nobody is consuming this slot, so the WAL it holds grows without limit until the disk fills and the server stops. " +
                    "Drop it if its consumer is gone; cap future damage with max_slot_wal_keep_size.",
            Evidence =
            [
                new Evidence("slot type", slot.SlotType),
                new Evidence("active", slot.Active ? "yes" : "no"),
                new Evidence("WAL retained", MeasureText.Bytes(slot.RetainedWalBytes)),
            ],
            Remedy = slot.Active ? null : new Remedy
            {
                Kind = ChangeKind.Maintenance,
                Strategy = MigrationStrategy.Maintenance,
                Up = $"SELECT pg_drop_replication_slot({literal});",
                Down = logical
                    ? $"-- The retained WAL cannot be brought back; a recreated slot starts at the current position (assumes the pgoutput plugin).\nSELECT pg_create_logical_replication_slot({literal}, 'pgoutput');"
                    : $"-- The retained WAL cannot be brought back; a recreated slot starts at the current position.\nSELECT pg_create_physical_replication_slot({literal});",
                PerformanceImpact = $"Frees up to {MeasureText.Bytes(slot.RetainedWalBytes)} of WAL at the next checkpoint.",
                Testing = $"SELECT count(*) FROM pg_replication_slots WHERE slot_name = {literal} returns 0 and the pg_wal directory shrinks after the next checkpoint. " +
                    "Confirm first that no replica or CDC consumer still uses the slot: it will need a full resync.",
            },
        };
    }
}
