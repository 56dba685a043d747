-- SECURITY DEFINER functions and procedures in user schemas, extension members left out. They run
-- with their owner's rights, so who may call them and the search_path they resolve names with
-- decide what a caller can make them do. A NULL proacl is the built-in default: EXECUTE for PUBLIC.
-- Few functions are SECURITY DEFINER, and pg_proc does not grow with the number of tables.
SELECT n.nspname                                  AS schema,
       p.proname                                  AS name,
       pg_get_function_identity_arguments(p.oid)  AS arguments,
       p.oid::regprocedure::text                  AS procedure,
       pg_get_userbyid(p.proowner)                AS owner,
       (p.proacl IS NULL
        OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a
                   WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')) AS public_execute,
       EXISTS (SELECT 1 FROM unnest(p.proconfig) setting
               WHERE setting LIKE 'search\_path=%')  AS pinned_search_path
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prosecdef
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
ORDER BY 1, 2, 3;
