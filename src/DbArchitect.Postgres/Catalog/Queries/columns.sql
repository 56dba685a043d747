-- Columns of the relations in tables.sql, with type, default or generation expression,
-- identity and the sequence the column owns (serial or identity).
-- The relations and the owned sequences are found first, once each, so that the per-column work
-- is only the joins: testing each column's table for extension membership and probing pg_depend
-- for an owned sequence per column cost more than the rest of the query on 100,000 columns.
-- Split across parallel sessions by a hash of the table oid (plain oids step evenly per table and
-- may all share one remainder): $1 = number of sessions, $2 = this session (1 and 0 read all).
WITH rel AS MATERIALIZED (
    SELECT c.oid, n.nspname, c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
      AND n.nspname NOT LIKE 'pg\_temp\_%'
      AND (hashoid(c.oid)::bigint & 2147483647) % $1 = $2
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')),
owned AS MATERIALIZED (
    SELECT sd.refobjid, sd.refobjsubid, sn.nspname, sc.relname
    FROM pg_class sc
    JOIN pg_depend sd ON sd.classid = 'pg_class'::regclass AND sd.objid = sc.oid
                     AND sd.refclassid = 'pg_class'::regclass AND sd.deptype IN ('a', 'i')
    JOIN pg_namespace sn ON sn.oid = sc.relnamespace
    WHERE sc.relkind = 'S')
SELECT c.oid                                                 AS table_oid,
       c.nspname                                             AS schema,
       c.relname                                             AS table,
       a.attname                                             AS name,
       a.attnum::int                                         AS position,
       format_type(a.atttypid, a.atttypmod)                  AS data_type,
       t.typname                                             AS type_name,
       t.typtype::text                                       AS type_kind,
       a.attnotnull                                          AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS "default",
       nullif(a.attidentity::text, '')                       AS identity,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
       o.nspname                                             AS owned_sequence_schema,
       o.relname                                             AS owned_sequence_name,
       dsc.description                                       AS comment
FROM rel c
JOIN pg_attribute a ON a.attrelid = c.oid
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN owned o ON o.refobjid = c.oid AND o.refobjsubid = a.attnum
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_class'::regclass AND dsc.objoid = c.oid AND dsc.objsubid = a.attnum
WHERE a.attnum > 0
  AND NOT a.attisdropped;
