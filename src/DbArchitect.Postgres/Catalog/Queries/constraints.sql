-- Table constraints with their definition and whether they were ever validated. Columns come as
-- attnums (conkey, confkey) and are named on the client from the columns already read.
-- pg_get_constraintdef is the costly part, so the definition is NULL for primary keys, unique
-- constraints and foreign keys of the plain kind (no INCLUDE, NULLS NOT DISTINCT, MATCH PARTIAL
-- or SET NULL/DEFAULT column list) and printed on the client from the flags returned here.
-- Split across parallel sessions by a hash of the table oid (plain oids step evenly per table and
-- may all share one remainder): $1 = number of sessions, $2 = this session (1 and 0 read all).
SELECT n.nspname                                             AS schema,
       c.relname                                             AS table,
       c.oid                                                 AS table_oid,
       con.conname                                           AS name,
       con.contype::text                                     AS kind,
       con.conkey                                            AS keys,
       CASE WHEN NOT current_setting('quote_all_identifiers')::bool
                 AND ((con.contype = 'f' AND con.confmatchtype <> 'p' AND con.confdelsetcols IS NULL
                       -- the referenced columns are named from the snapshot, which leaves out extensions' tables
                       AND NOT EXISTS (SELECT 1 FROM pg_depend re
                                       WHERE re.classid = 'pg_class'::regclass AND re.objid = con.confrelid AND re.deptype = 'e'))
                      OR (con.contype IN ('p', 'u') AND ix.indnatts = ix.indnkeyatts AND NOT ix.indnullsnotdistinct))
            THEN NULL
            ELSE pg_get_constraintdef(con.oid, true)
       END                                                   AS definition,
       con.condeferrable                                     AS deferrable,
       con.condeferred                                       AS deferred,
       con.confmatchtype = 'f'                               AS match_full,
       CASE WHEN con.contype = 'f' THEN pg_table_is_visible(con.confrelid) END AS referenced_visible,
       con.convalidated                                      AS validated,
       rn.nspname                                            AS referenced_schema,
       rc.relname                                            AS referenced_table,
       con.confrelid                                         AS referenced_table_oid,
       con.confkey                                           AS referenced_keys,
       CASE WHEN con.contype = 'f' THEN con.confdeltype::text END AS on_delete,
       CASE WHEN con.contype = 'f' THEN con.confupdtype::text END AS on_update
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u')
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND (hashoid(c.oid)::bigint & 2147483647) % $1 = $2
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e');
