-- Extensions the server offers, with the version installed in this database if any. For an
-- installed extension: its schema, whether ALTER EXTENSION ... SET SCHEMA can move it, and, when
-- it lives in schema public, the names of its functions that have an exact twin (same name, same
-- argument types) in pg_catalog or another schema on this session's search_path: which of the two
-- a call reaches then depends only on the caller's search_path order.
SELECT coalesce(e.extname, a.name)                           AS name,
       e.extversion                                          AS installed_version,
       a.default_version,
       en.nspname                                            AS schema,
       coalesce(e.extrelocatable, false)                     AS relocatable,
       coalesce(twins.names, '{}')                           AS shadowing_functions
FROM pg_available_extensions a
FULL JOIN pg_extension e ON e.extname = a.name
LEFT JOIN pg_namespace en ON en.oid = e.extnamespace
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT p.proname::text ORDER BY p.proname::text) AS names
    FROM pg_depend d
    JOIN pg_proc p ON p.oid = d.objid
    WHERE en.nspname = 'public'
      AND d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
      AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
      AND EXISTS (SELECT 1 FROM pg_proc o
                  JOIN pg_namespace onsp ON onsp.oid = o.pronamespace
                  WHERE o.proname = p.proname AND o.proargtypes = p.proargtypes
                    AND o.pronamespace <> p.pronamespace
                    AND onsp.nspname = ANY (current_schemas(true)))) twins ON true
ORDER BY 1;
