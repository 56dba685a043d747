-- Tables, partitioned tables, views, materialized views and foreign tables in user schemas,
-- with size, row-level security, partitioning and activity statistics. Extension objects left out.
SELECT c.oid,
       n.nspname                                             AS schema,
       c.relname                                             AS name,
       c.relkind::text                                       AS kind,
       pn.nspname                                            AS partition_parent_schema,
       pc.relname                                            AS partition_parent_name,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       c.reltuples::float8                                   AS estimated_rows,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_table_size(c.oid) ELSE 0 END   AS table_bytes,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_indexes_size(c.oid) ELSE 0 END AS index_bytes,
       c.relrowsecurity                                      AS row_level_security,
       c.relforcerowsecurity                                 AS force_row_level_security,
       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policy_count,
       dsc.description                                       AS comment,
       CASE WHEN c.relfrozenxid <> '0'::xid THEN age(c.relfrozenxid) ELSE 0 END::bigint AS frozen_xid_age,
       coalesce(s.seq_scan, 0)                               AS seq_scans,
       coalesce(s.seq_tup_read, 0)                           AS seq_tuples_read,
       coalesce(s.idx_scan, 0)                               AS index_scans,
       coalesce(s.n_tup_ins, 0)                              AS inserts,
       coalesce(s.n_tup_upd, 0)                              AS updates,
       coalesce(s.n_tup_hot_upd, 0)                          AS hot_updates,
       coalesce(s.n_tup_del, 0)                              AS deletes,
       coalesce(s.n_live_tup, 0)                             AS live_tuples,
       coalesce(s.n_dead_tup, 0)                             AS dead_tuples,
       coalesce(s.n_mod_since_analyze, 0)                    AS modifications_since_analyze,
       s.last_vacuum,
       s.last_autovacuum,
       s.last_analyze,
       s.last_autoanalyze,
       coalesce(c.reloptions, '{}')                          AS options
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_inherits inh ON c.relispartition AND inh.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_class'::regclass AND dsc.objoid = c.oid AND dsc.objsubid = 0
LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname;
