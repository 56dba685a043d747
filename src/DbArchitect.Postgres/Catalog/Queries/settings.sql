-- Every server setting with its unit and where its value came from.
SELECT name, setting AS value, unit, source
FROM pg_settings
ORDER BY name;
