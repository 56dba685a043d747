-- Table constraints with their columns resolved to names, foreign-key targets and actions,
-- and whether they were ever validated.
SELECT n.nspname                                             AS schema,
       c.relname                                             AS table,
       c.oid                                                 AS table_oid,
       con.conname                                           AS name,
       con.contype::text                                     AS kind,
       ARRAY(SELECT a.attname
             FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord)                                 AS columns,
       pg_get_constraintdef(con.oid, true)                   AS definition,
       con.convalidated                                      AS validated,
       rn.nspname                                            AS referenced_schema,
       rc.relname                                            AS referenced_table,
       ARRAY(SELECT a.attname
             FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord)                                 AS referenced_columns,
       CASE WHEN con.contype = 'f' THEN con.confdeltype::text END AS on_delete,
       CASE WHEN con.contype = 'f' THEN con.confupdtype::text END AS on_update
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, con.conname;
