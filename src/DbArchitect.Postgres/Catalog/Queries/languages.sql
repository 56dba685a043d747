-- Procedural languages of this database with what it takes to drop and re-create each: handler,
-- inline handler, validator, or the extension that installed it, and how many routines use it.
SELECT l.lanname                                                   AS name,
       l.lanpltrusted                                              AS trusted,
       CASE WHEN l.lanplcallfoid <> 0 THEN l.lanplcallfoid::regproc::text END AS handler,
       CASE WHEN l.laninline <> 0 THEN l.laninline::regproc::text END         AS inline_handler,
       CASE WHEN l.lanvalidator <> 0 THEN l.lanvalidator::regproc::text END   AS validator,
       x.extname                                                   AS extension,
       (SELECT count(*) FROM pg_proc p WHERE p.prolang = l.oid)::int AS routines
FROM pg_language l
LEFT JOIN pg_depend d ON d.classid = 'pg_language'::regclass AND d.objid = l.oid
                     AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
LEFT JOIN pg_extension x ON x.oid = d.refobjid
ORDER BY l.lanname;
