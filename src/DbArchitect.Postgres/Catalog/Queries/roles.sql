-- Roles (the predefined pg_* roles left out) with the attributes that lift a role above ordinary
-- privilege checks. pg_roles is readable by every role, and clusters hold few roles.
SELECT rolname       AS name,
       rolsuper      AS superuser,
       rolcreaterole AS create_role,
       rolbypassrls  AS bypass_rls
FROM pg_roles
WHERE rolname !~ '^pg_'
ORDER BY rolname;
