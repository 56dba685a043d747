-- Tables, partitioned tables, views, materialized views and foreign tables in user schemas,
-- with owner, size, row-level security, partitioning (parent, bound, strategy) and activity statistics. Extension objects left out.
-- Sizes come from pg_class.relpages (as of the last VACUUM, ANALYZE or CREATE INDEX), not from
-- pg_table_size: that opens every relation, which costs seconds on 10,000 tables and takes a lock
-- on each. Activity comes from the pg_stat_get_* functions pg_stat_all_tables is made of.
-- Split across parallel sessions by a hash of the table oid (plain oids step evenly per table and
-- may all share one remainder): $1 = number of sessions, $2 = this session (1 and 0 read all).
SELECT c.oid,
       n.nspname                                             AS schema,
       c.relname                                             AS name,
       c.relkind::text                                       AS kind,
       pg_get_userbyid(c.relowner)                           AS owner,
       pn.nspname                                            AS partition_parent_schema,
       pc.relname                                            AS partition_parent_name,
       inh.inhparent                                         AS partition_parent_oid,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       pt.partstrat::text                                    AS partition_strategy,
       c.reltuples::float8                                   AS estimated_rows,
       (c.relpages::bigint + coalesce(toast.relpages, 0)) * current_setting('block_size')::bigint AS table_bytes,
       coalesce(ix.pages, 0) * current_setting('block_size')::bigint AS index_bytes,
       c.relrowsecurity                                      AS row_level_security,
       c.relforcerowsecurity                                 AS force_row_level_security,
       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policy_count,
       dsc.description                                       AS comment,
       CASE WHEN c.relfrozenxid <> '0'::xid THEN age(c.relfrozenxid) ELSE 0 END::bigint AS frozen_xid_age,
       pg_stat_get_numscans(c.oid)                           AS seq_scans,
       pg_stat_get_tuples_returned(c.oid)                    AS seq_tuples_read,
       coalesce(ix.scans, 0)                                 AS index_scans,
       pg_stat_get_tuples_inserted(c.oid)                    AS inserts,
       pg_stat_get_tuples_updated(c.oid)                     AS updates,
       pg_stat_get_tuples_hot_updated(c.oid)                 AS hot_updates,
       pg_stat_get_tuples_deleted(c.oid)                     AS deletes,
       pg_stat_get_live_tuples(c.oid)                        AS live_tuples,
       pg_stat_get_dead_tuples(c.oid)                        AS dead_tuples,
       pg_stat_get_mod_since_analyze(c.oid)                  AS modifications_since_analyze,
       pg_stat_get_last_vacuum_time(c.oid)                   AS last_vacuum,
       pg_stat_get_last_autovacuum_time(c.oid)               AS last_autovacuum,
       pg_stat_get_last_analyze_time(c.oid)                  AS last_analyze,
       pg_stat_get_last_autoanalyze_time(c.oid)              AS last_autoanalyze,
       coalesce(c.reloptions, '{}')                          AS options,
       has_table_privilege(c.oid, 'SELECT')                  AS readable
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_inherits inh ON c.relispartition AND inh.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_partitioned_table pt ON c.relkind = 'p' AND pt.partrelid = c.oid
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_class'::regclass AND dsc.objoid = c.oid AND dsc.objsubid = 0
LEFT JOIN pg_class toast ON toast.oid = c.reltoastrelid
LEFT JOIN LATERAL (SELECT sum(ic.relpages)::bigint AS pages, sum(pg_stat_get_numscans(i.indexrelid))::bigint AS scans
                   FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                   WHERE i.indrelid = c.oid) ix ON true
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND (hashoid(c.oid)::bigint & 2147483647) % $1 = $2
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e');
