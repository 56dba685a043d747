-- Indexes with definition, key and INCLUDE columns (expression keys as their text), non-default
-- operator classes and sort options per key, predicate, method, validity, size and usage.
SELECT ic.oid,
       n.nspname                                             AS schema,
       c.relname                                             AS table,
       c.oid                                                 AS table_oid,
       ic.relname                                            AS name,
       pg_get_indexdef(i.indexrelid)                         AS definition,
       am.amname                                             AS method,
       ARRAY(SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname::text END
             FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE k.ord <= i.indnkeyatts
             ORDER BY k.ord)                                 AS key_columns,
       ARRAY(SELECT a.attname::text
             FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE k.ord > i.indnkeyatts
             ORDER BY k.ord)                                 AS included_columns,
       ARRAY(SELECT trim(concat_ws(' ',
                        CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END,
                        CASE WHEN o.option & 1 = 1 THEN 'DESC' END,
                        CASE WHEN o.option & 3 = 2 THEN 'NULLS FIRST' WHEN o.option & 3 = 1 THEN 'NULLS LAST' END))
             FROM unnest(i.indclass::oid[], i.indoption::int2[]) WITH ORDINALITY o(opclass, option, ord)
             LEFT JOIN pg_opclass opc ON opc.oid = o.opclass
             ORDER BY o.ord)                                 AS key_options,
       pg_get_expr(i.indpred, i.indrelid, true)              AS predicate,
       i.indisunique                                         AS is_unique,
       i.indisprimary                                        AS is_primary,
       i.indisvalid                                          AS is_valid,
       con.conname                                           AS constraint_name,
       pg_relation_size(i.indexrelid)                        AS size_bytes,
       pg_stat_get_numscans(i.indexrelid)                    AS scans,
       pg_stat_get_tuples_returned(i.indexrelid)             AS tuples_read,
       pg_stat_get_tuples_fetched(i.indexrelid)              AS tuples_fetched,
       i.indexprs IS NOT NULL                                AS has_expressions
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname, ic.relname;
