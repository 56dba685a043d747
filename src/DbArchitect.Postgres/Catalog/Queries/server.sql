-- The server and this database: version, size, statistics counters, start and reset times.
SELECT current_setting('server_version')                     AS version,
       current_setting('server_version_num')::int            AS version_number,
       current_database()                                    AS database,
       current_user                                          AS connected_role,
       pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS reads_all_statistics,
       pg_database_size(current_database())                  AS database_size_bytes,
       s.stats_reset,
       pg_postmaster_start_time()                            AS server_started,
       now()                                                 AS snapshot_taken_at,
       coalesce(s.blks_hit, 0)                               AS blocks_hit,
       coalesce(s.blks_read, 0)                              AS blocks_read,
       age(d.datfrozenxid)::bigint                           AS database_frozen_xid_age,
       coalesce(s.xact_commit, 0)                            AS transactions_committed
FROM pg_database d
LEFT JOIN pg_stat_database s ON s.datid = d.oid
WHERE d.datname = current_database();
