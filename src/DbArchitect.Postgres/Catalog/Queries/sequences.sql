-- Sequences with their range and progress; last_value is NULL when never used or not readable,
-- and readable tells the two apart (pg_sequences needs USAGE or SELECT on the sequence).
SELECT s.schemaname                                          AS schema,
       s.sequencename                                        AS name,
       format_type(s.data_type, NULL)                        AS data_type,
       s.last_value,
       s.max_value,
       s.min_value,
       s.increment_by                                        AS increment,
       s.cycle                                               AS cycles,
       tn.nspname                                            AS owned_by_schema,
       tc.relname                                            AS owned_by_table,
       ta.attname                                            AS owned_by_column,
       has_sequence_privilege(c.oid, 'SELECT') OR has_sequence_privilege(c.oid, 'USAGE') AS readable
FROM pg_sequences s
JOIN pg_namespace n ON n.nspname = s.schemaname
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
LEFT JOIN (pg_depend d
           JOIN pg_class tc ON tc.oid = d.refobjid
           JOIN pg_namespace tn ON tn.oid = tc.relnamespace
           JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid)
       ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
      AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
  AND s.schemaname NOT LIKE 'pg\_toast%'
  AND s.schemaname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY s.schemaname, s.sequencename;
