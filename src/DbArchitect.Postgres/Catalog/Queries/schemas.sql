-- User schemas: system schemas and schemas created by extensions left out. public_create: PUBLIC
-- (every role, present and future) may create objects in the schema; a NULL nspacl is the
-- owner-only default.
SELECT n.nspname                        AS name,
       pg_get_userbyid(n.nspowner)      AS owner,
       EXISTS (SELECT 1 FROM aclexplode(n.nspacl) a
               WHERE a.grantee = 0 AND a.privilege_type = 'CREATE') AS public_create
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid AND e.deptype = 'e')
ORDER BY n.nspname;
