namespace DbArchitect.Postgres.Catalog;

/// <summary>A replication slot and the WAL it retains.</summary>
public sealed record ReplicationSlotInfo
{
    public required string Name { get; init; }
    public required string SlotType { get; init; }
    public required bool Active { get; init; }

    /// <summary>Bytes of WAL between the slot's restart_lsn and the current position.</summary>
    public required long RetainedWalBytes { get; init; }
}
