namespace DbArchitect.Postgres.Catalog.Reading;

internal static class ReplicationSlotQuery
{
    public static readonly CatalogQuery<ReplicationSlotInfo> Query = new("replication_slots", row => new ReplicationSlotInfo
    {
        Name = row.String("name"),
        SlotType = row.String("slot_type"),
        Active = row.Bool("active"),
        RetainedWalBytes = row.Long("retained_wal_bytes"),
    });
}
