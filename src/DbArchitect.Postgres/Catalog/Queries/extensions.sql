-- Extensions the server offers, with the version installed in this database if any.
SELECT coalesce(e.extname, a.name)                           AS name,
       e.extversion                                          AS installed_version,
       a.default_version
FROM pg_available_extensions a
FULL JOIN pg_extension e ON e.extname = a.name
ORDER BY 1;
