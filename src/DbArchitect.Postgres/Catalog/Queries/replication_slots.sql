-- Replication slots and the WAL each keeps from being recycled.
SELECT slot_name                                             AS name,
       slot_type                                             AS slot_type,
       active,
       coalesce(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END,
                                restart_lsn), 0)::bigint     AS retained_wal_bytes
FROM pg_replication_slots
ORDER BY slot_name;
