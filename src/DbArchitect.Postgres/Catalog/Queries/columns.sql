-- Columns of the relations in tables.sql, with type, default or generation expression,
-- identity and the sequence the column owns (serial or identity).
-- Split across parallel sessions by table: $1 = number of sessions, $2 = this session (1 and 0 read all).
SELECT c.oid                                                 AS table_oid,
       n.nspname                                             AS schema,
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
       sn.nspname                                            AS owned_sequence_schema,
       sc.relname                                            AS owned_sequence_name,
       dsc.description                                       AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN (pg_depend sd
           JOIN pg_class sc ON sc.oid = sd.objid AND sc.relkind = 'S'
           JOIN pg_namespace sn ON sn.oid = sc.relnamespace)
       ON sd.classid = 'pg_class'::regclass AND sd.refclassid = 'pg_class'::regclass
      AND sd.refobjid = c.oid AND sd.refobjsubid = a.attnum AND sd.deptype IN ('a', 'i')
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_class'::regclass AND dsc.objoid = c.oid AND dsc.objsubid = a.attnum
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND c.oid::bigint % $1 = $2
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e');
