-- Indexes with definition, method, predicate, validity, size and usage. Key columns, operator
-- classes and sort options come as the raw pg_index arrays (attnums, opclass oids, indoption
-- bits) and are named on the client from the columns and operator classes already read:
-- resolving them here with a subquery per index costs more than the rest of the query.
-- Expression keys come as their text. Size from pg_class.relpages, for the reason in tables.sql.
-- pg_get_indexdef costs most of this query's time, so the definition is NULL for a plain index
-- (plain columns with their type's default operator class and collation, default order, no
-- predicate, options, tablespace or NULLS NOT DISTINCT) and is printed on the client instead.
-- Split across parallel sessions by a hash of the table oid (plain oids step evenly per table and
-- may all share one remainder): $1 = number of sessions, $2 = this session (1 and 0 read all).
SELECT ic.oid,
       n.nspname                                             AS schema,
       c.relname                                             AS table,
       c.oid                                                 AS table_oid,
       ic.relname                                            AS name,
       CASE WHEN ic.relkind = 'i'
                 AND i.indexprs IS NULL
                 AND i.indpred IS NULL
                 AND ic.reloptions IS NULL
                 AND ic.reltablespace = 0
                 AND NOT i.indnullsnotdistinct
                 AND 0 = ALL (i.indoption::int2[])
                 AND NOT current_setting('quote_all_identifiers')::bool
                 AND NOT EXISTS (SELECT 1
                                 FROM generate_series(0, i.indnkeyatts - 1) k
                                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k]
                                 JOIN pg_opclass oc ON oc.oid = i.indclass[k]
                                 WHERE NOT oc.opcdefault OR oc.opcintype <> a.atttypid OR a.attcollation <> i.indcollation[k])
            THEN NULL
            ELSE pg_get_indexdef(i.indexrelid)
       END                                                   AS definition,
       am.amname                                             AS method,
       i.indkey::int2[]                                      AS keys,
       i.indnkeyatts::int                                    AS key_count,
       i.indclass::oid[]                                     AS operator_classes,
       i.indoption::int2[]                                   AS key_options,
       i.indcollation::oid[]                                 AS key_collations,
       CASE WHEN i.indexprs IS NOT NULL
            THEN ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts::int) k)
       END                                                   AS key_texts,
       pg_get_expr(i.indpred, i.indrelid, true)              AS predicate,
       i.indisunique                                         AS is_unique,
       i.indisprimary                                        AS is_primary,
       i.indisvalid                                          AS is_valid,
       con.conname                                           AS constraint_name,
       ic.relpages::bigint * current_setting('block_size')::bigint AS size_bytes,
       pg_stat_get_numscans(i.indexrelid)                    AS scans,
       pg_stat_get_tuples_returned(i.indexrelid)             AS tuples_read,
       pg_stat_get_tuples_fetched(i.indexrelid)              AS tuples_fetched,
       i.indexprs IS NOT NULL                                AS has_expressions,
       ic.relkind = 'I'                                      AS is_partitioned,
       inh.inhparent                                         AS parent_index_oid
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
-- Only an index on a partition can be attached to a parent's partitioned index.
LEFT JOIN pg_inherits inh ON c.relispartition AND inh.inhrelid = i.indexrelid
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND (hashoid(c.oid)::bigint & 2147483647) % $1 = $2
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e');
